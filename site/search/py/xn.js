window.__dibaoSearch("py/xn",{"xn":["西宁"],"xnga":["西宁公安"]});
