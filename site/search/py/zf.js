window.__dibaoSearch("py/zf",{"zf":["执法","张风","政法"],"zfgf":["执法规范"],"zfgz":["政法工作"],"zfst":["执法十条"],"zfw":["政法委"],"zfwsj":["政法委书记"],"zfwzk":["政法委召开"]});
