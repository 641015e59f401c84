window.__dibaoSearch("py/ab",{"ab":["安保"]});
