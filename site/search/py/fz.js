window.__dibaoSearch("py/fz",{"fz":["反诈","发展","法治","犯罪","扶助"],"fzhh":["法治护航"],"fzll":["发展理论"],"fzwh":["法治文化"]});
