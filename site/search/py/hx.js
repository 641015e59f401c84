window.__dibaoSearch("py/hx",{"hx":["化学"],"hxm":["哈新茂"],"hxp":["化学品"]});
