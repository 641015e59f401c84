window.__dibaoSearch("py/jw",{"jw":["警务"],"jwgg":["警务改革"],"jws":["警务室"]});
