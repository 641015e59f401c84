window.__dibaoSearch("py/zw",{"zw":["政务"],"zwfw":["政务服务"]});
