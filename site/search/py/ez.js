window.__dibaoSearch("py/ez",{"ez":["鄂州"],"ezga":["鄂州公安"],"ezhou":["鄂州"],"ezhougongan":["鄂州公安"]});
