window.__dibaoSearch("py/hd",{"hd":["活动"],"hdjx":["活动举行"]});
