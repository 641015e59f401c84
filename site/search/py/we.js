window.__dibaoSearch("py/we",{"weifa":["违法"],"weifafanzui":["违法犯罪"],"weilun":["伟伦"],"wenhua":["文化"],"wenhuahuodong":["文化活动"]});
