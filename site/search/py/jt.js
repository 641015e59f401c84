window.__dibaoSearch("py/jt",{"jt":["家庭"]});
