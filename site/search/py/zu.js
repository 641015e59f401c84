window.__dibaoSearch("py/zu",{"zuhe":["组合"],"zuhequan":["组合拳"],"zuijia":["最佳"],"zuijiakoubei":["最佳口碑"],"zuotan":["座谈"],"zuotanhui":["座谈会"],"zuotanhuiyaoqiu":["座谈会要求"]});
