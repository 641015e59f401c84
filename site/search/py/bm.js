window.__dibaoSearch("py/bm",{"bm":["便民"],"bmba":["便民保安"],"bmcs":["便民措施"],"bmcsyh":["便民措施优化"]});
