window.__dibaoSearch("py/td",{"td":["推动"],"tdjl":["推动建立"]});
