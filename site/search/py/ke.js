window.__dibaoSearch("py/ke",{"keji":["科技"],"keshen":["克什"],"keshenketengqi":["克什克腾旗"],"keshenketengqifayuan":["克什克腾旗法院"],"kexue":["科学"]});
