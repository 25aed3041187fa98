#!/usr/bin/env bash
# Where the responder's CPU goes while it serves one page under load: perf record -g of a
# responder of the benchmark's own (on the product's database; EG_BENCH_BIN picks the build)
# during a wrk run through the benchmark's nginx, then the split by library and the top symbols
# (self time). Start the product first (scripts/run), then:
#   bench/profile.sh                      # the demo signing page
#   bench/profile.sh /admin/customers "Cookie: __Host-eg_session=…"
# The raw profile stays in .data/bench-profile.data for `perf report -i`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
eg_install linux-perf
bench_own_responder eventgaraget
bench_require_running "$BENCH_UPSTREAM"
path=${1:-}
header=${2:-}
if [ -z "$path" ]; then
  link=$(grep -m1 '^Signing link: ' "$EG_ROOT/.data/log/seed-demo.log" 2>/dev/null | sed 's/^Signing link: //') || true
  [ -n "$link" ] || eg_die "no demo signing link in .data/log/seed-demo.log"
  path="/sign/${link##*/}"
fi
pids=$BENCH_RESPONDER_PIDS
data=$EG_ROOT/.data/bench-profile.data
seconds=${BENCH_SECONDS:-8}
if [ -n "$header" ]; then
  wrk -t2 -c"$BENCH_CONNECTIONS" -d"$((seconds + 2))s" -H "$header" "$BENCH_BASE$path" >/dev/null &
else
  wrk -t2 -c"$BENCH_CONNECTIONS" -d"$((seconds + 2))s" "$BENCH_BASE$path" >/dev/null &
fi
load=$!
sleep 1
perf record -q -F 999 -g -p "$pids" -o "$data" -- sleep "$seconds" 2>/dev/null
wait "$load"
echo "== $path: share of the responder's samples by library"
perf report -i "$data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -8
echo "== top symbols (self)"
perf report -i "$data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -${BENCH_TOP:-25} |
  cut -c1-150
