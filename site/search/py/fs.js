window.__dibaoSearch("py/fs",{"fsj":["冯善军"]});
