window.__dibaoSearch("py/pi",{"pianzi":["骗子"],"pingan":["平安"]});
