window.__dibaoSearch("py/fl",{"fl":["分流","妇联"]});
