window.__dibaoSearch("py/zs",{"zs":["值守"]});
