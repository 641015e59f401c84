window.__dibaoSearch("py/js",{"js":["建设","江山","津市"],"jsga":["江山公安"],"jshm":["建设惠民"],"jsjd":["津市戒毒"]});
