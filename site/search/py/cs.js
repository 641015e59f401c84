window.__dibaoSearch("py/cs",{"cs":["措施","城市","重塑","长沙"],"csjs":["城市建设"],"csyh":["措施优化","长沙雨花"],"csyhq":["长沙雨花区"]});
