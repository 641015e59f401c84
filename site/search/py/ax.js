window.__dibaoSearch("py/ax",{"ax":["安心"]});
