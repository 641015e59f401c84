window.__dibaoSearch("py/wl",{"wl":["伟伦"]});
