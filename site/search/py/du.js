window.__dibaoSearch("py/du",{"duhua":["毒化"],"duiwu":["队伍"],"duiwujianshe":["队伍建设"],"duoge":["多个"],"duogezhongxue":["多个中学"],"dupin":["毒品"]});
