window.__dibaoSearch("py/fj",{"fj":["福建"],"fjwjq":["非警务警情"],"fjwjqjf":["非警务警情减负"]});
