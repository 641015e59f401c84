window.__dibaoSearch("py/wy",{"wy":["王莹"],"wyj":["王勇俊"]});
