window.__dibaoSearch("py/dw",{"dw":["单位","队伍"],"dwjs":["队伍建设"]});
