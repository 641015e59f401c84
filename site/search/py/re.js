window.__dibaoSearch("py/re",{"renyuan":["人员"],"renyuanchonghuo":["人员重获"]});
