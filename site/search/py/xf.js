window.__dibaoSearch("py/xf",{"xf":["信访","宪法","新方"],"xfmd":["信访矛盾"],"xfmdjf":["信访矛盾纠纷"],"xfmy":["信访满意"],"xfmyd":["信访满意度"],"xfxc":["宪法宣传"],"xfxcz":["宪法宣传周"]});
