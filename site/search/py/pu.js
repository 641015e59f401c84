window.__dibaoSearch("py/pu",{"pufa":["普法"]});
