window.__dibaoSearch("py/zd",{"zd":["制毒"],"zdhx":["制毒化学"],"zdhxp":["制毒化学品"]});
