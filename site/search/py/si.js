window.__dibaoSearch("py/si",{"sifa":["司法"],"sifajiuzhu":["司法救助"],"sizhong":["四中"]});
