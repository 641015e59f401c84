window.__dibaoSearch("py/qh",{"qh":["青海"]});
