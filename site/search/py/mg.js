window.__dibaoSearch("py/mg",{"mg":["蒙古"],"mgks":["蒙古克什"],"mgksktq":["蒙古克什克腾旗"]});
