window.__dibaoSearch("py/pz",{"pz":["骗子"]});
