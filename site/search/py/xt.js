window.__dibaoSearch("py/xt",{"xt":["协同"]});
