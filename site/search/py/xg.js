window.__dibaoSearch("py/xg",{"xgj":["新格局"]});
