window.__dibaoSearch("nt/kj7-14",{"质量":[3,233,[3,[],[],[],[0,1]]]});
