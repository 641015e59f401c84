window.__dibaoSearch("py/fy",{"fy":["法院"],"fydc":["法院打出"],"fygj":["法院干警"],"fysp":["法院审判"]});
