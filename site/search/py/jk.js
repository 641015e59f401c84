window.__dibaoSearch("py/jk",{"jk":["揭开"],"jkpz":["揭开骗子"]});
