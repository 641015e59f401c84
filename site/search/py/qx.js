window.__dibaoSearch("py/qx",{"qx":["前行","清新"],"qxjc":["清新检察"],"qxjcbdgccltj":["清新检察八大工程锤炼铁军"],"qxtj":["前行推进"]});
