-- wrk script: requests one path of bench/serve.lua's mix over and over, so
-- that each query of the mix gets its own latency figures (bench/growth.sh).
-- The path is the Q-th (1-based) of the "/api/..." strings in serve.lua, read
-- from that file so that the two never disagree; run from the repository
-- root:
--
--   Q=2 wrk -t1 -c1 -d10s --latency -s bench/one.lua http://127.0.0.1:18790
--
-- With P set, it requests that path instead (P=/api/search?q=...&size=0).
-- It prints the same WRKJSON summary line as serve.lua (microseconds).
local paths = {}
for line in io.lines("bench/serve.lua") do
  local p = line:match('^%s*"(/api/[^"]*)"')
  if p then paths[#paths + 1] = p end
end
local q = tonumber(os.getenv("Q") or "1")
if q < 1 or q > #paths then
  error(string.format("Q=%s: serve.lua has %d paths", tostring(os.getenv("Q")), #paths))
end
local path = os.getenv("P")
if path == nil or path == "" then path = paths[q] end

request = function()
  return wrk.format("GET", path)
end

dofile("bench/wrkjson.lua") -- done: the WRKJSON summary line
