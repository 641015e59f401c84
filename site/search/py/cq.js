window.__dibaoSearch("py/cq",{"cq":["重庆"],"cqsz":["重庆四中"],"cqszyyhssfw":["重庆四中院优化诉讼服务"]});
