window.__dibaoSearch("py/lx",{"lx":["刘璇"]});
