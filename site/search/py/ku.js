window.__dibaoSearch("py/ku",{"kunnan":["困难"],"kunnanfunv":["困难妇女"]});
