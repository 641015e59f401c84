window.__dibaoSearch("py/jd",{"jd":["禁毒","戒毒"],"jdgl":["戒毒管理"],"jdglj":["戒毒管理局"],"jdl":["姜东良"],"jdwy":["禁毒委员"],"jdwyh":["禁毒委员会"]});
