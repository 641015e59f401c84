window.__dibaoSearch("py/yb",{"yb":["一帮"]});
