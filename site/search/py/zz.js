window.__dibaoSearch("py/zz",{"zz":["张哲","组织"],"zzkz":["组织开展"]});
