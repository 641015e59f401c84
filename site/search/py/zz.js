window.__dibaoSearch("py/zz",{"zz":["张哲"]});
