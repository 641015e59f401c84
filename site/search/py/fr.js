window.__dibaoSearch("py/fr",{"frh":["范瑞恒"]});
