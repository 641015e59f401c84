window.__dibaoSearch("py/ti",{"tianchunlei":["田春雷"],"tianjin":["天津"],"tiejun":["铁军"],"tingting":["婷婷"],"tisheng":["提升"],"tishengqunzhong":["提升群众"],"tixi":["体系"],"tixichongsu":["体系重塑"]});
