window.__dibaoSearch("py/yt",{"yt":["一体","源头","盐田","研讨"],"ytct":["盐田出台"],"yth":["一体化"],"ythsh":["一体化守护"]});
