window.__dibaoSearch("py/kn",{"kn":["困难"],"knfn":["困难妇女"]});
