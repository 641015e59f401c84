window.__dibaoSearch("py/xp",{"xp":["徐鹏","霞浦"],"xpyd":["霞浦严打"],"xpydsqbwffz":["霞浦严打涉枪爆违法犯罪"]});
