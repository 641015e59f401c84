window.__dibaoSearch("py/sq",{"sq":["涉企","涉枪","石阡"],"sqdpc":["石阡大排查"],"sqdpchjsdyh":["石阡大排查化解涉毒隐患"],"sqzf":["涉企执法"],"sqzfst":["涉企执法十条"]});
