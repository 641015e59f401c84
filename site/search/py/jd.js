window.__dibaoSearch("py/jd",{"jd":["禁毒"],"jdl":["姜东良"]});
