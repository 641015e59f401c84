window.__dibaoSearch("py/yq",{"yq":["余情","要求"],"yqs":["余情愫"]});
