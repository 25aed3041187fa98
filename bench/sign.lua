-- wrk request generator for bench/writes.sh: signs a different link each time with a typed
-- signature. Reads tokens.txt (token, tab, form token) from the working directory; the links are
-- split between the threads and each is used once (after that the requests find a signed link).
local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
  thread:set("count", 2)
end

function init(args)
  links = {}
  local n = 0
  for line in io.lines("tokens.txt") do
    if n % count == index then
      local token, form = line:match("^([^\t]+)\t(.+)$")
      links[#links + 1] = { token = token, form = form }
    end
    n = n + 1
  end
  wrk.headers["Origin"] = "https://" .. wrk.host .. ":" .. wrk.port
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  sent = 0
end

function request()
  local link = links[sent % #links + 1]
  sent = sent + 1
  local body = "form_token=" .. link.form .. "&signer_name=Bench+Signer&signer_email=bench%40example.se"
    .. "&method=typed&strokes=&typed_signature=Bench+Signer&consent=yes"
  return wrk.format("POST", "/sign/" .. link.token, nil, body)
end
