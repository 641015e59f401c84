window.__dibaoSearch("py/jr",{"jr":["近日"],"jrzj":["近日走进"]});
