window.__dibaoSearch("py/js",{"js":["建设","江山"],"jsga":["江山公安"],"jshm":["建设惠民"]});
