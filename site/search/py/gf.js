window.__dibaoSearch("py/gf",{"gf":["规范"],"gfsq":["规范涉企"],"gfsqzf":["规范涉企执法"],"gfzf":["规范执法"]});
