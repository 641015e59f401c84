window.__dibaoSearch("py/rz",{"rzj":["阮占江"]});
