window.__dibaoSearch("py/qy",{"qy":["牵引"]});
