-- wrk: print one machine-readable line with p50/p95 latency (ms), throughput and failures.
-- Given a file of paths (wrk ... -- paths.txt), each request asks for the next one, so none repeats while they last.
local paths, next_path = nil, 0

init = function(args)
  if #args > 0 then
    paths = {}
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
  end
end

request = function()
  if paths == nil then return wrk.format() end
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end

done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.2f %.2f %.1f\n", summary.requests, failed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
