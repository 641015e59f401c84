window.__dibaoSearch("py/ri",{"rilai":["日来"]});
