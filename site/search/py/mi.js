window.__dibaoSearch("py/mi",{"mianju":["面具"],"minjing":["民警"],"minjingjiejue":["民警解决"],"minxin":["民心"]});
