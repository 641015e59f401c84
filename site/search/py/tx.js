window.__dibaoSearch("py/tx",{"tx":["体系"],"txcs":["体系重塑"],"txl":["谭晓雷"]});
