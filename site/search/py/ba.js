window.__dibaoSearch("py/ba",{"ba":["保安"],"bada":["八大"],"badagongcheng":["八大工程"],"bangfu":["帮扶"],"bangfushedu":["帮扶涉毒"],"baoan":["保安"],"baoping":["保平"],"baopingan":["保平安"]});
