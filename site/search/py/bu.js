window.__dibaoSearch("py/bu",{"buqisu":["不起诉"]});
