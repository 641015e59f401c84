window.__dibaoSearch("py/ad",{"ad":["安打"]});
