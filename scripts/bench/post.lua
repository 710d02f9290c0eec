-- wrk script: POST the sample relay bodies (data/samples/callbacks.ndjson) in rotation.
-- Env: BODIES (path), TOKEN; optional DELAY_MS to pace each connection (fixed-rate runs).
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local token = os.getenv("TOKEN")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-hud-internal-bot"] = token

function request()
  n = n + 1
  return wrk.format(nil, "/api/crcr/results", nil, bodies[(n % #bodies) + 1])
end

if delay_ms > 0 then
  function delay() return delay_ms end
end
