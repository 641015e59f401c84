window.__dibaoSearch("py/nm",{"nm":["内蒙"],"nmg":["内蒙古"],"nmgks":["内蒙古克什"],"nmgksktq":["内蒙古克什克腾旗"]});
