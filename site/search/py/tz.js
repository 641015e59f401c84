window.__dibaoSearch("py/tz",{"tz":["通州"],"tzss":["通州实施"]});
