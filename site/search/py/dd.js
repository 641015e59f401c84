window.__dibaoSearch("py/dd",{"dd":["弟弟"]});
