window.__dibaoSearch("py/dl",{"dl":["大连"],"dlts":["大连特色"]});
