window.__dibaoSearch("py/lo",{"longhua":["龙华"],"longhuaqu":["龙华区"],"longhuaquxuanchuan":["龙华区宣传"],"longhuaquxuanchuandiyuxinxingdupin":["龙华区宣传抵御新型毒品"],"longjiang":["龙江"],"longwei":["龙蔚"]});
