window.__dibaoSearch("py/dg",{"dg":["东莞","大工"],"dgyd":["东莞一对"],"dgydy":["东莞一对一"],"dgydybfsdjt":["东莞一对一帮扶涉毒家庭"]});
