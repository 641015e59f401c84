window.__dibaoSearch("py/dq",{"dq":["东区"],"dqjd":["东区禁毒"]});
