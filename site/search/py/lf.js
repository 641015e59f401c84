window.__dibaoSearch("py/lf",{"lf":["刘峰","李凡"]});
