-- wrk: saving rating-sheet drafts (POST /api/v1/bodies/{body}/quarters/sheets/{id}/draft).
-- Each draft must carry the sheet's current version token (a stale one is a 409, an error here).
-- Each thread owns its own sheets, more than its connections, and sends a sheet again only
-- after the answer to its previous save, with the version that answer gave: no two requests in
-- flight ever hold the same sheet, so no token clashes and no extra read per request.
-- Usage: wrk -t2 -c32 ... -s bench/draft.lua http://host:port -- FILE THREADS
-- FILE, one sheet a line, tab-separated: sheet id, path, version, bearer token, JSON body with %d for the version.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local threads = tonumber(args[2])
  sheets, queue = {}, {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % threads == id then
      local sheet, path, version, token, body = line:match("^(%S+)\t(%S+)\t(%d+)\t(%S+)\t(.+)$")
      sheets[sheet] = { path = path, version = tonumber(version), token = token, body = body }
      queue[#queue + 1] = sheet
    end
    i = i + 1
  end
  last = queue[1]
end

function request()
  -- With more sheets than connections the queue is never empty unless answers failed.
  local sheet = table.remove(queue, 1) or last
  last = sheet
  local s = sheets[sheet]
  return wrk.format("POST", s.path, { ["Authorization"] = "Bearer " .. s.token, ["Content-Type"] = "application/json" },
    string.format(s.body, s.version))
end

function response(status, headers, body)
  local sheet = body:match('^{"id":"([^"]+)"')
  local version = body:match('"version":(%d+)}%s*$')
  if status == 200 and sheet and version and sheets[sheet] then
    sheets[sheet].version = tonumber(version)
    queue[#queue + 1] = sheet
  end
end
