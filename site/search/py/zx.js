window.__dibaoSearch("py/zx",{"zx":["中学","众信","增效"],"zxh":["周星好"]});
