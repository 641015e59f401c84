window.__dibaoSearch("py/qu",{"quanguo":["全国"],"quanmin":["全民"],"quanshe":["全社"],"qudao":["渠道"],"qudaogengbian":["渠道更便"],"qunzhong":["群众"],"qunzhongxinfang":["群众信访"]});
