window.__dibaoSearch("py/hh",{"hh":["护航","黄辉"],"hhcfz":["护航促发展"]});
