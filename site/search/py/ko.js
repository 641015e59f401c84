window.__dibaoSearch("py/ko",{"koubei":["口碑"],"koubeishengfen":["口碑省份"]});
