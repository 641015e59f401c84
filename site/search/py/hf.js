window.__dibaoSearch("py/hf",{"hf":["海峰"]});
