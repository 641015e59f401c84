window.__dibaoSearch("py/kb",{"kb":["口碑"],"kbsf":["口碑省份"]});
