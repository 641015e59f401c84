window.__dibaoSearch("py/tu",{"tuidong":["推动"],"tuidongjianli":["推动建立"],"tuijin":["推进"],"tuijingongan":["推进公安"],"tuijingongangongzuo":["推进公安工作"],"tupian":["图片"],"tupianxinwen":["图片新闻"]});
