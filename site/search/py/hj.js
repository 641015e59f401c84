window.__dibaoSearch("py/hj",{"hj":["化解","环境","化机"],"hjsd":["化解涉毒"],"hjxf":["化解信访"],"hjz":["化机制"],"hjzj":["环境最佳"]});
