window.__dibaoSearch("py/lv",{"lvguobin":["吕国斌"]});
