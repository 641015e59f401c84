window.__dibaoSearch("py/cy",{"cy":["察院","畅游"],"cyld":["察院联动"],"cylh":["察院联合"]});
