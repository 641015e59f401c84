window.__dibaoSearch("py/su",{"sunjie":["孙洁"],"sunlihaoyang":["孙立昊洋"],"susong":["诉讼"],"susongfuwu":["诉讼服务"],"suyuanzhili":["诉源治理"],"suyuanzhiligongzuo":["诉源治理工作"]});
