window.__dibaoSearch("py/lb",{"lb":["力保"],"lbpa":["力保平安"]});
