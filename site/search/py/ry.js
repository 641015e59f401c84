window.__dibaoSearch("py/ry",{"ry":["人员"],"rych":["人员重获"]});
