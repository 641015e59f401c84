window.__dibaoSearch("py/lt",{"lt":["炼铁"]});
