window.__dibaoSearch("py/we",{"weifa":["违法"],"weifafanzui":["违法犯罪"],"weilun":["伟伦"],"weiyuan":["委员"],"weiyuanhui":["委员会"],"weiyuanhuizuzhi":["委员会组织"],"wenhua":["文化"],"wenhuahuodong":["文化活动"]});
