window.__dibaoSearch("py/so",{"songjianbin":["宋建彬"]});
