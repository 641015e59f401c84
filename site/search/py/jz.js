window.__dibaoSearch("py/jz",{"jz":["机制","精准","救助"],"jzfk":["精准防控"],"jzgz":["救助工作"],"jzl":["解泽龙"],"jzqy":["机制牵引"],"jzyj":["精准预警"],"jzzt":["机制助推"]});
