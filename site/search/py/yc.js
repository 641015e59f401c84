window.__dibaoSearch("py/yc",{"yc":["一册","宜昌","禹城"],"ycga":["宜昌公安"]});
