window.__dibaoSearch("py/sp",{"sp":["审判"]});
