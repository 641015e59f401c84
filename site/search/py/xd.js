window.__dibaoSearch("py/xd",{"xd":["现代"],"xdh":["现代化"]});
