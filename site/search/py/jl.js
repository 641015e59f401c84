window.__dibaoSearch("py/jl",{"jl":["佳丽","建立","警力"],"jlgz":["警力跟着"],"jlsyzl":["建立诉源治理"]});
