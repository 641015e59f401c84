window.__dibaoSearch("py/jg",{"jg":["机关"],"jglq":["机关联勤"],"jglqzs":["机关联勤值守"]});
