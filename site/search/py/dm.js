window.__dibaoSearch("py/dm",{"dm":["东明"]});
