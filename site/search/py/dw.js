window.__dibaoSearch("py/dw",{"dw":["队伍"],"dwjs":["队伍建设"]});
