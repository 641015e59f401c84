window.__dibaoSearch("py/gc",{"gc":["工程"],"gcb":["桂晨博"],"gccl":["工程锤炼"]});
