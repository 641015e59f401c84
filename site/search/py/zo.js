window.__dibaoSearch("py/zo",{"zoujin":["走进"],"zoujinhaer":["走进哈尔"],"zoujinhaerbin":["走进哈尔滨"],"zoujinhaerbinshi":["走进哈尔滨市"]});
