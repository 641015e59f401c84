window.__dibaoSearch("py/hy",{"hy":["韩宇","海燕"]});
