window.__dibaoSearch("py/px",{"pxx":["裴晓霞"]});
