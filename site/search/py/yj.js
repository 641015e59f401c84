window.__dibaoSearch("py/yj",{"yj":["应急","预警"],"yjab":["应急安保"]});
