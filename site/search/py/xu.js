window.__dibaoSearch("py/xu",{"xuanchuan":["宣传"],"xuanchuandiyu":["宣传抵御"],"xuanchuanzhou":["宣传周"],"xupeng":["徐鹏"],"xuweilun":["徐伟伦"]});
