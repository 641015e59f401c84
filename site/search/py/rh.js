window.__dibaoSearch("py/rh",{"rh":["融合"]});
