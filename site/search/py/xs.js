window.__dibaoSearch("py/xs",{"xs":["新生"]});
