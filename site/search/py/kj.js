window.__dibaoSearch("py/kj",{"kj":["科技"]});
