window.__dibaoSearch("py/lu",{"luojie":["罗杰"]});
