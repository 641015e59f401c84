window.__dibaoSearch("py/cd",{"cdj":["陈道建"],"cds":["陈东升"]});
