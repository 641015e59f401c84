window.__dibaoSearch("py/sz",{"sz":["四中","深圳"],"szs":["石嘴山"],"szsyg":["石嘴山严管"],"szsygyzdhxp":["石嘴山严管易制毒化学品"],"szyt":["深圳盐田"]});
