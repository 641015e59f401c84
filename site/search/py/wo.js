window.__dibaoSearch("py/wo",{"wosheng":["我省"],"woshenggongan":["我省公安"],"woshenggonganjiguan":["我省公安机关"]});
