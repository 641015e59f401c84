window.__dibaoSearch("py/gd",{"gd":["广东"]});
