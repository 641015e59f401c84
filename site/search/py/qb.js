window.__dibaoSearch("py/qb",{"qb":["枪爆"],"qbwf":["枪爆违法"],"qbwffz":["枪爆违法犯罪"]});
