-- wrk request generator for bench/writes.sh: saves the editor of a different draft each time, at
-- its current version and with a new title (a save that changes nothing writes nothing).
-- Reads save.tsv and cookie from the working directory; the drafts are split between the threads.
local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
  thread:set("count", 2)
end

function init(args)
  drafts = {}
  local n = 0
  for line in io.lines("save.tsv") do
    if n % count == index then
      local path, version, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
      drafts[#drafts + 1] = { path = path, version = tonumber(version), body = body }
    end
    n = n + 1
  end
  local cookie = io.open("cookie"):read("*l"):gsub("^Cookie: ", "")
  wrk.headers["Cookie"] = cookie
  wrk.headers["Origin"] = "https://" .. wrk.host .. ":" .. wrk.port
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  sent = 0
end

function request()
  local draft = drafts[sent % #drafts + 1]
  sent = sent + 1
  local body = draft.body:gsub("%%VERSION%%", tostring(draft.version)):gsub("%%TITLE%%", "Bench+" .. sent)
  draft.version = draft.version + 1
  return wrk.format("POST", draft.path, nil, body)
end
