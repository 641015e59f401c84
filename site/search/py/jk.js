window.__dibaoSearch("py/jk",{"jk":["健康","揭开"],"jkpz":["揭开骗子"]});
