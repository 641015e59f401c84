window.__dibaoSearch("py/nk",{"nk":["农垦"],"nkzj":["农垦中级"],"nkzjfy":["农垦中级法院"]});
