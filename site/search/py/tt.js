window.__dibaoSearch("py/tt",{"tt":["婷婷"]});
