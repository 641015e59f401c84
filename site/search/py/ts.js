window.__dibaoSearch("py/ts",{"ts":["探索","提升","特色"],"tsjw":["探索警务"],"tsqz":["提升群众"]});
