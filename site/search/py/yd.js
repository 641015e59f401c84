window.__dibaoSearch("py/yd",{"yd":["一对","严打"],"ydm":["余东明"],"ydsq":["严打涉枪"],"ydy":["一对一"],"ydyb":["一对一帮"],"ydybf":["一对一帮扶"]});
