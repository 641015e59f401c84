window.__dibaoSearch("py/an",{"anbao":["安保"],"anda":["安打"],"anhui":["安徽"],"anquan":["安全"],"anxin":["安心"]});
