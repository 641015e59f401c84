window.__dibaoSearch("py/mj",{"mj":["民警","面具"],"mjjj":["民警解决"]});
