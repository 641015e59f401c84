window.__dibaoSearch("t/jzq-2",{"查分":[1,280,[1,[],[],[],[0,1]]]});
