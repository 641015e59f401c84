window.__dibaoSearch("py/mx",{"mx":["民心"]});
