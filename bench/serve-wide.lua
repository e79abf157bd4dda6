-- wrk script: the bench mix's shapes of query over a wide vocabulary, so
-- that what the server keeps per word (the direct path's block bounds,
-- index/fast.go) is warm only as often as a user's words repeat. Each
-- request draws one or two of the 372 words of bench/serve-words.txt (every
-- word of the text field of the 100,000-document bench index in 100
-- documents or more, shuffled) and one of four shapes: one word, two
-- words, one word with the year, doctype and region facets, one word in
-- 四川省 with the campaign facet. Run from the repository root.
local words = {}
for w in io.lines("bench/serve-words.txt") do words[#words + 1] = w end

local function enc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
    seeded = true
  end
  local w = enc(words[math.random(#words)])
  local shape = math.random(4)
  if shape == 1 then
    return wrk.format("GET", "/api/search?q=" .. w)
  elseif shape == 2 then
    return wrk.format("GET", "/api/search?q=" .. w .. "+" .. enc(words[math.random(#words)]))
  elseif shape == 3 then
    return wrk.format("GET", "/api/search?q=" .. w .. "&facets=year,doctype,region")
  end
  return wrk.format("GET", "/api/search?q=" .. w .. "&region=%E5%9B%9B%E5%B7%9D%E7%9C%81&facets=campaign")
end

dofile("bench/wrkjson.lua") -- done: the WRKJSON summary line
