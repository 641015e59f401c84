window.__dibaoSearch("py/ys",{"ys":["营商"],"yshj":["营商环境"],"yshjzj":["营商环境最佳"]});
