window.__dibaoSearch("py/du",{"duhua":["毒化"],"duiwu":["队伍"],"duiwujianshe":["队伍建设"],"dupin":["毒品"]});
