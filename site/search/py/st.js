window.__dibaoSearch("py/st",{"st":["十条"]});
