window.__dibaoSearch("py/ha",{"haer":["哈尔"],"haerbin":["哈尔滨"],"haerbinshi":["哈尔滨市"],"haifeng":["海峰"],"hainan":["海南"],"haiyan":["海燕"],"hanchao":["韩超"],"hanyu":["韩宇"],"haxinmao":["哈新茂"]});
