window.__dibaoSearch("py/gj",{"gj":["格局","构建","干警"],"gjjr":["干警近日"],"gjxf":["构建信访"],"gjzh":["构建智慧"]});
