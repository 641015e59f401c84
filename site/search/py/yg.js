window.__dibaoSearch("py/yg",{"yg":["严管"],"ygyzd":["严管易制毒"],"ygyzdhxp":["严管易制毒化学品"]});
