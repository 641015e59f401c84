window.__dibaoSearch("py/zn",{"znd":["章宁旦"]});
