window.__dibaoSearch("py/kz",{"kz":["开展"],"kzjk":["开展健康"],"kzkn":["开展困难"]});
