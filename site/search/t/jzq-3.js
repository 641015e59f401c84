window.__dibaoSearch("t/jzq-3",{"查分":[1,280,[1,[],[],[],[0,1]]]});
