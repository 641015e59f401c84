window.__dibaoSearch("py/xx",{"xx":["新型"],"xxdp":["新型毒品"],"xxzh":["新型智慧"]});
