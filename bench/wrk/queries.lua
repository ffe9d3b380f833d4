-- wrk script: GET each benchmark query of QUERIES_FILE in turn, as QUERY_PREFIX .. url-encoded query
-- (default: Sonda's /search with four facets; snippets are always on).
local queries = {}
local next_query = 1

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  prefix = os.getenv("QUERY_PREFIX") or "/search?facets=country,topic,lang,year&q="
  local file = io.open(os.getenv("QUERIES_FILE") or "queries.txt", "r")
  for line in file:lines() do
    if #line > 0 then table.insert(queries, prefix .. encode(line)) end
  end
  file:close()
  next_query = math.random(#queries)
end

function request()
  local path = queries[next_query]
  next_query = next_query % #queries + 1
  return wrk.format("GET", path)
end
