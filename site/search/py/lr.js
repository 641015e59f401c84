window.__dibaoSearch("py/lr",{"lr":["连日"],"lrl":["连日来"]});
