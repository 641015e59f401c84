window.__dibaoSearch("py/tc",{"tcl":["田春雷"]});
