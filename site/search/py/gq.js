window.__dibaoSearch("py/gq",{"gq":["国强"]});
