window.__dibaoSearch("py/ka",{"kaizhan":["开展"],"kaizhankunnan":["开展困难"],"kaoti":["考题"]});
