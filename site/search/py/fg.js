window.__dibaoSearch("py/fg",{"fg":["法规"]});
