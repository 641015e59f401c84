window.__dibaoSearch("py/ld",{"ld":["联动"],"ldkz":["联动开展"]});
