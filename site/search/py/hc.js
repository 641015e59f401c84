window.__dibaoSearch("py/hc",{"hc":["韩超"]});
