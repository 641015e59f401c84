window.__dibaoSearch("py/lj",{"lj":["龙江","罗杰"],"ljp":["李继萍"]});
