window.__dibaoSearch("py/cj",{"cj":["创建","处警"],"cjgz":["处警工作"],"cjn":["崔佳男"]});
