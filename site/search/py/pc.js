window.__dibaoSearch("py/pc",{"pc":["排查"],"pchj":["排查化解"],"pcw":["潘从武"]});
