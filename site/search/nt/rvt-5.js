window.__dibaoSearch("nt/rvt-5",{"高速公路":[3,137,[3,[],[],[],"1010"]]});
