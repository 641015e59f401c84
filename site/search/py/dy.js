window.__dibaoSearch("py/dy",{"dy":["丁一","抵御"],"dyxx":["抵御新型"],"dyxxdp":["抵御新型毒品"]});
