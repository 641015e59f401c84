window.__dibaoSearch("py/ms",{"ms":["模式"]});
