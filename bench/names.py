"""Random but plausible Chinese personal names, for synthetic bylines and quotes.

About 100 common surnames times ~180 given-name characters (one or two of
them) give well over a million names, so a large archive grows a realistic
number of distinct people instead of repeating the sample issues' reporters.
"""
from __future__ import annotations

import random

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞鑫波宁博晨瑞琳雪梅婷"
         "倩颖璐晓东海峰亮林志国庆春雷新利民永福德荣仁义礼智信忠孝安康泰祥和顺昌盛兴旺家晶莹子涵思远欣怡"
         "佳琪梓萱俊豪天翼嘉懿铭泽睿哲昊然雨桐子墨若曦一诺浩宇宏达振华卫东红旗跃进建军立新向阳海燕秋菊"
         "冬梅春燕金凤玉珍淑珍桂芝秀兰凤英慧敏丹阳晓峰")


def random_name(rng: random.Random, length: int = 0) -> str:
    """A surname and one or two given-name characters (``length`` 2 or 3 forces the total)."""
    total = length if length in (2, 3) else rng.choice((2, 3, 3))
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(total - 1))
