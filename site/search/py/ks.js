window.__dibaoSearch("py/ks",{"ks":["克什"],"ksktq":["克什克腾旗"],"ksktqfy":["克什克腾旗法院"]});
