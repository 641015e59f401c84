window.__dibaoSearch("py/lz",{"lzm":["刘志明"],"lzy":["刘志月"]});
