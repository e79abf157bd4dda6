-- wrk script for the serve benchmark: a fixed mix of one-word, multi-word,
-- phrase and faceted searches, taken in turn, and a JSON summary at the end
-- (percentiles in microseconds) for run.sh to read.
local paths = {
  "/api/search?q=%E9%80%81%E6%B8%A9%E6%9A%96",                                  -- 送温暖
  "/api/search?q=%E5%B7%A5%E6%9C%83",                                           -- 工會
  "/api/search?q=%E5%86%9C%E6%B0%91%E5%B7%A5",                                  -- 农民工
  "/api/search?q=%E5%9B%B0%E9%9A%BE%E8%81%8C%E5%B7%A5+%E5%B8%AE%E6%89%B6",      -- 困难职工 帮扶
  "/api/search?q=%E5%B7%A5%E8%B5%84%E9%9B%86%E4%BD%93%E5%8D%8F%E5%95%86+%E4%BC%81%E4%B8%9A", -- 工资集体协商 企业
  "/api/search?q=%22%E8%81%8C%E5%B7%A5%E4%B9%8B%E5%AE%B6%22",                   -- "职工之家"
  "/api/search?q=%22%E9%87%91%E7%A7%8B%E5%8A%A9%E5%AD%A6%22+%E5%8A%A9%E5%AD%A6%E9%87%91", -- "金秋助学" 助学金
  "/api/search?q=%E9%80%81%E6%B8%A9%E6%9A%96&facets=year,doctype,region",       -- faceted
  "/api/search?q=%E5%8A%B3%E5%8A%A8%E7%AB%9E%E8%B5%9B&doctype=summary&year=2010-2015&facets=year", -- filtered + faceted
  "/api/search?q=%E8%81%8C%E5%B7%A5&region=%E5%9B%9B%E5%B7%9D%E7%9C%81&facets=campaign", -- 职工 region:四川省
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

dofile("bench/wrkjson.lua") -- done: the WRKJSON summary line
