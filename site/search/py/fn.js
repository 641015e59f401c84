window.__dibaoSearch("py/fn",{"fn":["妇女"],"fnjz":["妇女救助"]});
