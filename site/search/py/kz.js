window.__dibaoSearch("py/kz",{"kz":["开展"],"kzkn":["开展困难"]});
