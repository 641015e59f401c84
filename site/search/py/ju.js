window.__dibaoSearch("py/ju",{"juhe":["聚合"],"juheli":["聚合力"],"juxing":["举行"]});
