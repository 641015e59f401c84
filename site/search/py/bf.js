window.__dibaoSearch("py/bf",{"bf":["帮扶"],"bfsd":["帮扶涉毒"]});
