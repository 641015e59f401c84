window.__dibaoSearch("py/wg",{"wg":["五个"],"wgrh":["五个融合"]});
