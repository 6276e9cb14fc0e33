-- wrk script for ./lab bench: sets X-API-Key to one of BENCH_CLIENTS keys named BENCH_PREFIX-<n>, in turn
-- (BENCH_KEYS=rotate) or at random (BENCH_KEYS=random: a client's first request may come at any time),
-- counts 200, 429 and other statuses across threads, and prints one JSON line at the end.
local clients = tonumber(os.getenv("BENCH_CLIENTS")) or 100
local prefix = os.getenv("BENCH_PREFIX") or "bench"
local random = os.getenv("BENCH_KEYS") == "random"
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = id
  ok, limited, other = 0, 0, 0
  -- Each thread its own sequence, or both would ask for the same keys in the same order.
  math.randomseed(os.time() * 16 + id)
end

function request()
  counter = counter + 1
  local n = random and math.random(0, clients - 1) or counter % clients
  return wrk.format(nil, nil, { ["X-API-Key"] = prefix .. "-" .. n })
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 429 then limited = limited + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, l, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); l = l + t:get("limited"); x = x + t:get("other")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "BENCH {\"requests\":%d,\"ok\":%d,\"limited\":%d,\"other\":%d,\"socket_errors\":%d,\"duration_us\":%d,\"p50_us\":%d,\"p99_us\":%d,\"p999_us\":%d}\n",
    summary.requests, o, l, x, errors, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
