window.__dibaoSearch("py/jx",{"jx":["举行","江西"]});
