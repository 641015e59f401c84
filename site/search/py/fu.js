window.__dibaoSearch("py/fu",{"fujian":["福建"],"fulian":["妇联"],"funv":["妇女"],"funvjiuzhu":["妇女救助"],"fuwu":["服务"],"fuzhu":["扶助"]});
