window.__dibaoSearch("py/wu",{"wuge":["五个"],"wugeronghe":["五个融合"]});
