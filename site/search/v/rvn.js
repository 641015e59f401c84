window.__dibaoSearch("v/rvn",{"w":"责\n责人\n责令\n责任\n账\n账户\n货\n货款\n质\n质量","t":["质量"],"g":[],"c":{}});
