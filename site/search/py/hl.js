window.__dibaoSearch("py/hl",{"hl":["合力"],"hlj":["黑龙江"],"hljs":["黑龙江省"],"hljsnk":["黑龙江省农垦"]});
