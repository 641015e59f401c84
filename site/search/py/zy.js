window.__dibaoSearch("py/zy",{"zy":["中院"],"zyp":["周育鹏"],"zyyh":["中院优化"]});
