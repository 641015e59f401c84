window.__dibaoSearch("py/ws",{"ws":["我省"],"wsga":["我省公安"],"wsgajg":["我省公安机关"]});
