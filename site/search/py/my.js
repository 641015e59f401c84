window.__dibaoSearch("py/my",{"my":["满意","马艳"],"myd":["满意度"]});
