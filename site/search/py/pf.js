window.__dibaoSearch("py/pf",{"pf":["普法"]});
