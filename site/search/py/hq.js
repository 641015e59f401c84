window.__dibaoSearch("py/hq",{"hq":["红旗"]});
