window.__dibaoSearch("py/se",{"se":["十二"]});
