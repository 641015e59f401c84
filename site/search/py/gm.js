window.__dibaoSearch("py/gm",{"gm":["观摩"],"gmhd":["观摩活动"]});
