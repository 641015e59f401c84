window.__dibaoSearch("py/dc",{"dc":["打出"],"dcyh":["打出优化"]});
