window.__dibaoSearch("py/tj",{"tj":["天津","推进","铁军"],"tjga":["推进公安"],"tjgagz":["推进公安工作"],"tjs":["天津市"],"tjsjd":["天津市戒毒"]});
