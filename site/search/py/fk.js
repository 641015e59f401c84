window.__dibaoSearch("py/fk",{"fk":["防控"],"fkcz":["防控处置"],"fkxgj":["防控新格局"]});
