window.__dibaoSearch("ng/rvt-3",{"高质":[1,[3,3,[0,1,130],"筹量"]]});
