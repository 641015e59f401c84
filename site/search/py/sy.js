window.__dibaoSearch("py/sy",{"sy":["十堰"],"sysh":["十堰深化"],"syzl":["诉源治理"],"syzlgz":["诉源治理工作"]});
