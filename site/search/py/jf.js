window.__dibaoSearch("py/jf",{"jf":["纠纷","减负","解纷"],"jfhj":["纠纷化解"],"jfqd":["解纷渠道"],"jfzx":["减负增效"]});
