window.__dibaoSearch("py/yh",{"yh":["优化","硬核","隐患","雨花"],"yhq":["雨花区"],"yhqgj":["雨花区构建"],"yhss":["优化诉讼"],"yhssfw":["优化诉讼服务"],"yhys":["优化营商"],"yhyshj":["优化营商环境"]});
