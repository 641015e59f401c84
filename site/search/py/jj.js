window.__dibaoSearch("py/jj",{"jj":["经济","解决"],"jjjf":["经济纠纷"]});
