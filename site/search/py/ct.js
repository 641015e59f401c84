window.__dibaoSearch("py/ct",{"ct":["出台","村屯"],"ctgf":["出台规范"],"ctj":["曹天健"]});
