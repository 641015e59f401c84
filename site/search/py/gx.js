window.__dibaoSearch("py/gx",{"gx":["广西","高效"],"gxfw":["高效服务"],"gxq":["郭学群"]});
