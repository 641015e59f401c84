window.__dibaoSearch("py/ll",{"ll":["理论"],"llyt":["理论研讨"]});
