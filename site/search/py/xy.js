window.__dibaoSearch("py/xy",{"xy":["夏英"]});
