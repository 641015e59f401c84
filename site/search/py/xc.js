window.__dibaoSearch("py/xc",{"xc":["宣传","淅川","现场"],"xcdy":["宣传抵御"],"xcgm":["现场观摩"],"xcz":["宣传周"]});
