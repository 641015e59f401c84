window.__dibaoSearch("py/lw",{"lw":["龙蔚"],"lwq":["李文茜"]});
