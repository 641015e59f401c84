window.__dibaoSearch("py/hb",{"hb":["河北","湖北"]});
