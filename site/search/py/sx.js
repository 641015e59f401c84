window.__dibaoSearch("py/sx",{"sx":["陕西"]});
