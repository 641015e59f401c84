window.__dibaoSearch("py/sf",{"sf":["司法","省份"],"sfjz":["司法救助"]});
