window.__dibaoSearch("py/sl",{"slhy":["孙立昊洋"]});
