window.__dibaoSearch("py/wc",{"wc":["王春"]});
