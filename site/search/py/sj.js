window.__dibaoSearch("py/sj",{"sj":["书记","孙洁"],"sjb":["宋建彬"],"sjzt":["书记座谈"],"sjzth":["书记座谈会"]});
