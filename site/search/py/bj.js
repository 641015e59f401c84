window.__dibaoSearch("py/bj",{"bj":["便捷","北京"]});
