window.__dibaoSearch("py/fx",{"fx":["方向","风险"],"fxjz":["风险精准"],"fxzl":["方向助力"]});
