window.__dibaoSearch("py/ls",{"lsy":["李双永"]});
