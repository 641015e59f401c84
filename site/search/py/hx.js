window.__dibaoSearch("py/hx",{"hx":["化学","辉县"],"hxm":["哈新茂"],"hxp":["化学品"],"hxs":["辉县市"],"hxsrm":["辉县市人民"],"hxsrmjcy":["辉县市人民检察院"]});
