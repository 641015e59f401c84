window.__dibaoSearch("py/re",{"renmin":["人民"],"renminjiancha":["人民检察"],"renminjianchayuan":["人民检察院"],"renminjianchayuanlianhe":["人民检察院联合"],"renyuan":["人员"],"renyuanchonghuo":["人员重获"]});
