window.__dibaoSearch("py/yz",{"yz":["邮政"],"yzd":["易制毒"],"yzdhx":["易制毒化学"],"yzdhxp":["易制毒化学品"]});
