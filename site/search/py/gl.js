window.__dibaoSearch("py/gl",{"gl":["关联","管理"],"glj":["管理局"],"gljlh":["管理局联合"]});
