window.__dibaoSearch("py/ho",{"hongqi":["红旗"]});
