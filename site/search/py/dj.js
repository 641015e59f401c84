window.__dibaoSearch("py/dj",{"dj":["打击"],"djfz":["打击犯罪"]});
