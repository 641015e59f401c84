window.__dibaoSearch("py/xj",{"xj":["下降","新疆"]});
