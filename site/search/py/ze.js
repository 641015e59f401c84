window.__dibaoSearch("py/ze",{"zengxiao":["增效"]});
