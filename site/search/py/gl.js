window.__dibaoSearch("py/gl",{"gl":["关联"]});
