window.__dibaoSearch("py/xs",{"xs":["县市","新生"],"xsrm":["县市人民"],"xsrmjcy":["县市人民检察院"]});
