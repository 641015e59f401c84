window.__dibaoSearch("py/gs",{"gs":["各市"]});
