window.__dibaoSearch("py/wf",{"wf":["违法"],"wffz":["违法犯罪"]});
