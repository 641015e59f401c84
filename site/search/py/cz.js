window.__dibaoSearch("py/cz",{"cz":["处置"]});
