window.__dibaoSearch("py/ge",{"geju":["格局"],"gengbian":["更便"],"genzhe":["跟着"],"geshi":["各市"]});
