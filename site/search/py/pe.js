window.__dibaoSearch("py/pe",{"peixiaoxia":["裴晓霞"]});
