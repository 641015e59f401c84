window.__dibaoSearch("py/yz",{"yzd":["易制毒"],"yzdhx":["易制毒化学"],"yzdhxp":["易制毒化学品"]});
