window.__dibaoSearch("py/hn",{"hn":["河南","海南","湖南"],"hnxc":["河南淅川"]});
