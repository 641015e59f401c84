window.__dibaoSearch("py/no",{"nongken":["农垦"],"nongkenzhongji":["农垦中级"],"nongkenzhongjifayuan":["农垦中级法院"]});
