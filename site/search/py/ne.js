window.__dibaoSearch("py/ne",{"neimeng":["内蒙"],"neimenggu":["内蒙古"],"neimenggukeshen":["内蒙古克什"],"neimenggukeshenketengqi":["内蒙古克什克腾旗"]});
