window.__dibaoSearch("py/hn",{"hn":["河南","海南","湖南"],"hns":["河南省"],"hnshx":["河南省辉县"],"hnshxs":["河南省辉县市"],"hnxc":["河南淅川"]});
