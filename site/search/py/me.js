window.__dibaoSearch("py/me",{"menggu":["蒙古"],"menggukeshen":["蒙古克什"],"menggukeshenketengqi":["蒙古克什克腾旗"]});
