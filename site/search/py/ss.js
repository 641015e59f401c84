window.__dibaoSearch("py/ss",{"ss":["实施","诉讼"],"ssfw":["诉讼服务"],"sspf":["实施普法"]});
