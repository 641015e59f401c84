window.__dibaoSearch("py/kx",{"kx":["科学"]});
