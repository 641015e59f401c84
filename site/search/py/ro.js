window.__dibaoSearch("py/ro",{"ronghe":["融合"]});
