window.__dibaoSearch("py/cl",{"cl":["春雷","锤炼"],"cltj":["锤炼铁军"]});
