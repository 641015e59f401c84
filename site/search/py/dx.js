window.__dibaoSearch("py/dx",{"dx":["定下"],"dxg":["翟小功"],"dxgf":["定下规范"],"dxgfzf":["定下规范执法"],"dxy":["丁谢月"]});
