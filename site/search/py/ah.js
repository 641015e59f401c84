window.__dibaoSearch("py/ah",{"ah":["安徽"]});
