window.__dibaoSearch("py/cx",{"cx":["创新","持续"],"cxbm":["创新便民"],"cxbmcs":["创新便民措施"],"cxbmcsyhyshj":["创新便民措施优化营商环境"],"cxxj":["持续下降"]});
