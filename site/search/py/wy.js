window.__dibaoSearch("py/wy",{"wy":["委员","王莹"],"wyh":["委员会"],"wyhzz":["委员会组织"],"wyj":["王勇俊"]});
