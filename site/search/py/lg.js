window.__dibaoSearch("py/lg",{"lg":["理工"],"lgb":["吕国斌"]});
