window.__dibaoSearch("py/qm",{"qm":["全民"]});
