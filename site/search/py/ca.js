window.__dibaoSearch("py/ca",{"caotianjian":["曹天健"]});
