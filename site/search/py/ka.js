window.__dibaoSearch("py/ka",{"kaizhan":["开展"],"kaizhanjiankang":["开展健康"],"kaizhankunnan":["开展困难"],"kaoti":["考题"]});
