window.__dibaoSearch("py/xz",{"xzz":["谢中真"]});
