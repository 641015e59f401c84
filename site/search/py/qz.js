window.__dibaoSearch("py/qz",{"qz":["群众"],"qzqy":["情指勤舆"],"qzxf":["群众信访"]});
