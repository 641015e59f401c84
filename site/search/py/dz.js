window.__dibaoSearch("py/dz",{"dz":["打造"],"dzdl":["打造大连"],"dzqs":["打造全社"],"dzys":["打造营商"],"dzyshj":["打造营商环境"]});
