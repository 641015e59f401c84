window.__dibaoSearch("py/qs",{"qs":["全社","情愫","起诉"]});
