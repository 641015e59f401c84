window.__dibaoSearch("py/gg",{"gg":["改革","杠杠"],"gggj":["改革构建"]});
