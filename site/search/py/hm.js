window.__dibaoSearch("py/hm",{"hm":["惠民"],"hmbm":["惠民便民"]});
