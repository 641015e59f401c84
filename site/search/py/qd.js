window.__dibaoSearch("py/qd",{"qd":["渠道"],"qdgb":["渠道更便"]});
