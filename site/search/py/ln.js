window.__dibaoSearch("py/ln",{"ln":["辽宁","李娜"],"lns":["辽宁省"],"lnsw":["辽宁省委"],"lnswzf":["辽宁省委政法"],"lnswzfw":["辽宁省委政法委"]});
