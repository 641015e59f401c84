window.__dibaoSearch("py/ru",{"ruanzhanjiang":["阮占江"]});
