window.__dibaoSearch("py/ds",{"ds":["东升","电商"]});
