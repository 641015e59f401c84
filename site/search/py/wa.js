window.__dibaoSearch("py/wa",{"wangchun":["王春"],"wanghongmin":["王洪民"],"wangjiali":["王佳丽"],"wangying":["王莹"],"wangyongjun":["王勇俊"]});
