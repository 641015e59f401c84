window.__dibaoSearch("py/sd",{"sd":["山东","涉毒","时代","申东"],"sdjt":["涉毒家庭"],"sdyc":["山东禹城"],"sdyh":["涉毒隐患"]});
