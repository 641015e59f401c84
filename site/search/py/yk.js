window.__dibaoSearch("py/yk",{"yk":["游客"],"ykcy":["游客畅游"]});
