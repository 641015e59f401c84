window.__dibaoSearch("py/zc",{"zc":["张冲","张弛"]});
