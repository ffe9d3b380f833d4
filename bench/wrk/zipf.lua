-- wrk script: GET the benchmark queries of QUERIES_FILE drawn by Zipf(1.0) over their order in the file
-- (the query of rank r with probability proportional to 1/r: what a site's visitors send), each wrk thread
-- from its own fixed seed, as QUERY_PREFIX .. url-encoded query (default: Sonda's /search with four facets).
local paths = {}
local cumulative = {}
local thread_count = 0

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", 20261206 + thread_count)
end

function init(args)
  local prefix = os.getenv("QUERY_PREFIX") or "/search?facets=country,topic,lang,year&q="
  local file = io.open(os.getenv("QUERIES_FILE") or "queries.txt", "r")
  local total = 0
  for line in file:lines() do
    if #line > 0 then
      table.insert(paths, prefix .. encode(line))
      total = total + 1 / #paths
      table.insert(cumulative, total)
    end
  end
  file:close()
  for i = 1, #cumulative do cumulative[i] = cumulative[i] / total end
  math.randomseed(seed or 1)
end

function request()
  local u = math.random()
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < u then low = middle + 1 else high = middle end
  end
  return wrk.format("GET", paths[low])
end
