window.__dibaoSearch("py/bz",{"bz":["标准","滨州"],"bzxx":["滨州新型"]});
