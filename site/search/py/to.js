window.__dibaoSearch("py/to",{"tongzhou":["通州"],"tongzhoushishi":["通州实施"]});
