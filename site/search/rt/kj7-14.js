window.__dibaoSearch("rt/kj7-14",{"质量":[3,233,[3,[],[],[],[0,1]]]});
