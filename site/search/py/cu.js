window.__dibaoSearch("py/cu",{"cufazhan":["促发展"],"cuijianan":["崔佳男"],"cuntun":["村屯"],"cuoshi":["措施"],"cuoshiyouhua":["措施优化"]});
