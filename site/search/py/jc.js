window.__dibaoSearch("py/jc",{"jc":["检察","基层"],"jcbd":["检察八大"],"jcj":["接处警"],"jcjgz":["接处警工作"],"jcy":["检察院"],"jcyld":["检察院联动"],"jcylh":["检察院联合"],"jczl":["基层治理"]});
