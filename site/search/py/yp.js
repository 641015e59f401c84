window.__dibaoSearch("py/yp",{"yp":["一盘"],"ypq":["一盘棋"]});
