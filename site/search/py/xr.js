window.__dibaoSearch("py/xr",{"xrq":["谢瑞琴"]});
