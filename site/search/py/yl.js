window.__dibaoSearch("py/yl",{"yl":["引流","於洛"]});
