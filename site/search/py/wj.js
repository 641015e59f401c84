window.__dibaoSearch("py/wj",{"wjl":["王佳丽"]});
