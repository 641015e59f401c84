window.__dibaoSearch("py/do",{"dongguan":["东莞"],"dongguanyidui":["东莞一对"],"dongguanyiduiyi":["东莞一对一"],"dongguanyiduiyibangfushedujiating":["东莞一对一帮扶涉毒家庭"],"dongming":["东明"],"dongsheng":["东升"]});
