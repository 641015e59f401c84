window.__dibaoSearch("py/te",{"tese":["特色"]});
