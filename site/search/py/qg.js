window.__dibaoSearch("py/qg",{"qg":["全国"]});
