window.__dibaoSearch("py/cf",{"cfz":["促发展"]});
