window.__dibaoSearch("py/ta",{"tangrong":["唐荣"],"tansuo":["探索"],"tansuojingwu":["探索警务"],"tanxiaolei":["谭晓雷"]});
