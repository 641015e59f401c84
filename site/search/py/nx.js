window.__dibaoSearch("py/nx",{"nx":["宁夏"]});
