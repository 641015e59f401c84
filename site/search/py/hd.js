window.__dibaoSearch("py/hd",{"hd":["活动","河东"],"hdjx":["活动举行"],"hdq":["河东区"],"hdqjd":["河东区禁毒"]});
