-- wrk request generator for bench/writes.sh; BENCH_POST picks what each request does:
--   save  saves the editor of a different draft each time, at its current version and with a
--         new title (a save that changes nothing writes nothing); reads save.tsv and cookie
--   sign  signs a different link each time with a typed signature; reads tokens.txt (token, tab,
--         form token); each link is used once, after that the requests find a signed link
-- Files are read from the working directory; their lines are split between the threads.
local mode = os.getenv("BENCH_POST")
local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
  thread:set("count", 2)
end

-- This thread's share of the lines of `file`, each split on tabs.
local function share(file)
  local items, n = {}, 0
  for line in io.lines(file) do
    if n % count == index then
      local fields = {}
      for field in line:gmatch("[^\t]+") do fields[#fields + 1] = field end
      items[#items + 1] = fields
    end
    n = n + 1
  end
  return items
end

function init(args)
  wrk.headers["Origin"] = "https://" .. wrk.host .. ":" .. wrk.port
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  if mode == "save" then
    items = share("save.tsv")
    for _, item in ipairs(items) do item[2] = tonumber(item[2]) end
    wrk.headers["Cookie"] = io.open("cookie"):read("*l"):gsub("^Cookie: ", "")
  else
    items = share("tokens.txt")
  end
  sent = 0
end

function request()
  local item = items[sent % #items + 1]
  sent = sent + 1
  if mode == "save" then
    local path, version, body = item[1], item[2], item[3]
    item[2] = version + 1
    body = body:gsub("%%VERSION%%", tostring(version)):gsub("%%TITLE%%", "Bench+" .. sent)
    return wrk.format("POST", path, nil, body)
  end
  local body = "form_token=" .. item[2] .. "&signer_name=Bench+Signer&signer_email=bench%40example.se"
    .. "&method=typed&strokes=&typed_signature=Bench+Signer&consent=yes"
  return wrk.format("POST", "/sign/" .. item[1], nil, body)
end
