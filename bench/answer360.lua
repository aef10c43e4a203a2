-- wrk: answering the 360 survey through personal links (POST /api/v1/survey360/links/{token}/answer).
-- Every request spends a different unused link (a used one is a 410, an error here). When a
-- thread has fewer links left than it may have requests in flight it stops, so the run ends
-- early rather than send a spent link; wrk's req/s is over the time actually run.
-- Usage: wrk -t2 -c32 ... -s bench/answer360.lua http://host:port -- FILE THREADS CONNECTIONS
-- FILE: the --links file of `bagalau demo generate` (token, tab, JSON answer).
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local threads = tonumber(args[2])
  inflight = math.ceil(tonumber(args[3]) / threads)
  links, bodies, nxt = {}, {}, 1
  local i = 0
  for line in io.lines(args[1]) do
    if i % threads == id then
      local token, body = line:match("^(%S+)\t(.+)$")
      links[#links + 1] = token
      bodies[#bodies + 1] = body
    end
    i = i + 1
  end
end

function request()
  local n = math.min(nxt, #links)
  nxt = nxt + 1
  return wrk.format("POST", "/api/v1/survey360/links/" .. links[n] .. "/answer", { ["Content-Type"] = "application/json" }, bodies[n])
end

function response(status, headers, body)
  if nxt + inflight > #links then
    wrk.thread:stop()
  end
end
