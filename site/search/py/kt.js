window.__dibaoSearch("py/kt",{"kt":["考题"]});
