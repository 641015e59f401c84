window.__dibaoSearch("py/yf",{"yf":["预防"]});
