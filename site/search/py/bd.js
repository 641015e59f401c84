window.__dibaoSearch("py/bd",{"bd":["八大"],"bdgc":["八大工程"]});
