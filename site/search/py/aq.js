window.__dibaoSearch("py/aq",{"aq":["安全"]});
