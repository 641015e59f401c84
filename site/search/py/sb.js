window.__dibaoSearch("py/sb",{"sb":["帅标"]});
