window.__dibaoSearch("py/lq",{"lq":["联勤"],"lqzs":["联勤值守"]});
