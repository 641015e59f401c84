window.__dibaoSearch("py/mo",{"moshi":["模式"]});
