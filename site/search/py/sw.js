window.__dibaoSearch("py/sw",{"sw":["市委","省委"],"swzf":["市委政法","省委政法"],"swzfw":["市委政法委","省委政法委"]});
