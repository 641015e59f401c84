window.__dibaoSearch("py/dt",{"dtt":["代婷婷"]});
