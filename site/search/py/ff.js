window.__dibaoSearch("py/ff",{"ff":["方法"],"ffcj":["方法创建"]});
