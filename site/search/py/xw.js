window.__dibaoSearch("py/xw",{"xw":["新闻"],"xwl":["徐伟伦"]});
