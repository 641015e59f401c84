window.__dibaoSearch("py/jm",{"jm":["假面"],"jmj":["假面具"]});
