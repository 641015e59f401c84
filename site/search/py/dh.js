window.__dibaoSearch("py/dh",{"dh":["毒化","答好"],"dhfjwjq":["答好非警务警情"]});
