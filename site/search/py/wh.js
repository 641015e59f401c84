window.__dibaoSearch("py/wh",{"wh":["文化"],"whhd":["文化活动"],"whm":["王洪民"]});
