window.__dibaoSearch("py/bq",{"bqs":["不起诉"]});
