window.__dibaoSearch("py/zt",{"zt":["助推","座谈"],"ztfz":["助推反诈"],"zth":["座谈会"],"zthyq":["座谈会要求"],"ztsh":["助推社会"]});
