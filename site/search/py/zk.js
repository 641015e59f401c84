window.__dibaoSearch("py/zk",{"zk":["召开"],"zkgs":["召开各市"]});
