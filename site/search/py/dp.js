window.__dibaoSearch("py/dp",{"dp":["大平","毒品"],"dpc":["大排查"],"dpchj":["大排查化解"]});
