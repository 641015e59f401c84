window.__dibaoSearch("py/fq",{"fq":["枫桥"],"fqjy":["枫桥经验"]});
