window.__dibaoSearch("py/rm",{"rm":["人民"],"rmjc":["人民检察"],"rmjcy":["人民检察院"],"rmjcylh":["人民检察院联合"]});
