window.__dibaoSearch("py/tp",{"tp":["图片"],"tpxw":["图片新闻"]});
