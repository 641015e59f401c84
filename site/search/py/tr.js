window.__dibaoSearch("py/tr",{"tr":["唐荣"]});
