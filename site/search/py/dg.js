window.__dibaoSearch("py/dg",{"dg":["东莞","多个","大工"],"dgyd":["东莞一对"],"dgydy":["东莞一对一"],"dgydybfsdjt":["东莞一对一帮扶涉毒家庭"],"dgzx":["多个中学"]});
