window.__dibaoSearch("py/jy",{"jy":["经验"]});
