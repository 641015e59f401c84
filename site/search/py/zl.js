window.__dibaoSearch("py/zl",{"zl":["治理","助力","质量"],"zlfz":["质量发展"],"zlgz":["治理工作"],"zljc":["助力基层"]});
