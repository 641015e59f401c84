window.__dibaoSearch("py/pa",{"pa":["平安"],"paicha":["排查"],"paichahuajie":["排查化解"],"pancongwu":["潘从武"]});
