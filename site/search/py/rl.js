window.__dibaoSearch("py/rl",{"rl":["日来"]});
