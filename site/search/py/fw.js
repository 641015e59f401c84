window.__dibaoSearch("py/fw",{"fw":["服务"]});
