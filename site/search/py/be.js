window.__dibaoSearch("py/be",{"beijing":["北京"]});
