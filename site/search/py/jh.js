window.__dibaoSearch("py/jh",{"jh":["聚合"],"jhl":["聚合力"]});
