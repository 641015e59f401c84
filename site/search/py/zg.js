window.__dibaoSearch("py/zg",{"zg":["助工"],"zgq":["张国强"]});
