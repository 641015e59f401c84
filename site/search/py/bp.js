window.__dibaoSearch("py/bp",{"bp":["保平"],"bpa":["保平安"]});
