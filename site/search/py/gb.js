window.__dibaoSearch("py/gb",{"gb":["更便"]});
