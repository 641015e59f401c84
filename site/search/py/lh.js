window.__dibaoSearch("py/lh",{"lh":["刘欢","联和","龙华"],"lhjc":["联和检察"],"lhjcy":["联和检察院"],"lhq":["龙华区"],"lhqxc":["龙华区宣传"],"lhqxcdyxxdp":["龙华区宣传抵御新型毒品"]});
