window.__dibaoSearch("nt/rvt-6",{"高频":[3,770,[3,[],[],[],"1001"]]});
