window.__dibaoSearch("py/ni",{"ningxia":["宁夏"]});
