#!/usr/bin/env bash
# Automation benchmark: events through trigger evaluation to a delivered, signed webhook.
# Start the product first (scripts/run: its PostgreSQL cluster), then:
#   bench/automation.sh
# It makes its own database (eg_bench_auto) with one trigger on customer.updated (a condition,
# then a webhook action to a local receiver) and two workers, and drops it afterwards. It prints
#  1. throughput: BURST events written back to back, until the last is delivered;
#  2. latency at RATE events/s for SECONDS: commit to delivery, p50/p99/max;
#  3. the workers' CPU time per event (from /proc).
# Numbers only; never a test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BURST=${BURST:-2000}
RATE=${RATE:-100}
SECONDS_AT_RATE=${SECONDS_AT_RATE:-20}
run=$EG_ROOT/.data/run
pg_port=${EG_PG_PORT:-55432}
url="postgresql:///eg_bench_auto?host=$run&port=$pg_port&user=postgres"
bin=${EG_BENCH_BIN:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
[ -x "$bin" ] || eg_die "build the product first (scripts/run)"
work=$(mktemp -d)
bench_on_exit "rm -rf $work"

bench_psql -c "DROP DATABASE IF EXISTS eg_bench_auto" -c "CREATE DATABASE eg_bench_auto" >/dev/null
bench_on_exit 'bench_psql -c "DROP DATABASE IF EXISTS eg_bench_auto" >/dev/null 2>&1 || true'
export DATABASE_URL=$url EG_WEBHOOK_ALLOW_PRIVATE=1 EG_MAIL_DIR=$work/mail EG_LOG_LEVEL=warning
"$bin" migrate >/dev/null
psql_auto() { "$(eg_pg_bin)/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$run" -p "$pg_port" -U postgres -d eg_bench_auto "$@"; }
# The built-ins stay out of the way; one customer to change.
psql_auto -c "UPDATE triggers SET active = false" \
  -c "INSERT INTO customers (kind, name, email) VALUES ('person', 'Bänk Kund', 'bank@example.se')"

# The receiver: records when each message arrived and the event's own time.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/receiver.py" <<'PY'
import json, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
out = open(sys.argv[2], "a", buffering=1)
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        out.write(json.dumps({"arrived": time.time(), "n": body["data"]["details"].get("n"),
                              "committed": body["data"]["details"].get("committed")}) + "\n")
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/receiver.py" "$port" "$work/arrivals.jsonl" &
bench_on_exit "kill $! 2>/dev/null || true"

psql_auto -c "INSERT INTO triggers (name, event_type, secret) VALUES ('bench', 'customer.updated', 'whsec_' || encode(decode(md5('x') || md5('y'), 'hex'), 'base64'))" \
  -c "INSERT INTO trigger_versions (trigger_id, version, definition) SELECT id, 1, '{\"conditions\": {\"all\": [{\"field\": \"object.name\", \"op\": \"not_empty\"}]}, \"actions\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:$port/hook\"}]}'::jsonb FROM triggers WHERE name = 'bench'"

pids=()
for _ in 1 2; do "$bin" worker 2>>"$work/worker.log" & pids+=($!); done
bench_on_exit "kill ${pids[*]} 2>/dev/null || true"
sleep 1
ticks() { local t=0 p; for p in "${pids[@]}"; do t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }'))); done; echo "$t"; }
hz=$(getconf CLK_TCK)
# An event as every change writes one: an audit row of a public kind, in its own transaction.
event_sql() { echo "INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, after) SELECT 'system', 'customer', id, 'updated', jsonb_build_object('n', '$1', 'committed', extract(epoch FROM clock_timestamp())::text) FROM customers LIMIT 1;"; }
wait_for() { while [ "$(wc -l <"$work/arrivals.jsonl" 2>/dev/null || echo 0)" -lt "$1" ]; do sleep 0.05; done; }

echo "== burst: $BURST events written as fast as one psql session can, each in its own transaction; two workers"
: >"$work/arrivals.jsonl"
t0=$(ticks)
start=$(date +%s.%N)
for i in $(seq "$BURST"); do event_sql "b$i"; done | psql_auto >/dev/null
wait_for "$BURST"
end=$(date +%s.%N)
t1=$(ticks)
python3 - "$start" "$end" "$BURST" "$((t1 - t0))" "$hz" <<'PY'
import sys
start, end, n, ticks, hz = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"delivered {n} in {end - start:.2f} s: {n / (end - start):.0f} events/s; workers' CPU {ticks / hz * 1e6 / n:.0f} µs per event")
PY

echo "== steady: $RATE events/s for $SECONDS_AT_RATE s (each in its own transaction)"
: >"$work/arrivals.jsonl"
total=$((RATE * SECONDS_AT_RATE))
python3 - "$RATE" "$total" <<'PY' | psql_auto >/dev/null
import sys, time
rate, total = int(sys.argv[1]), int(sys.argv[2])
start = time.time()
for i in range(total):
    delay = start + i / rate - time.time()
    if delay > 0: time.sleep(delay)
    print(f"INSERT INTO audit_log (actor_kind, entity_type, entity_id, action, after) SELECT 'system', 'customer', id, 'updated', jsonb_build_object('n', 's{i}', 'committed', extract(epoch FROM clock_timestamp())::text) FROM customers LIMIT 1;", flush=True)
PY
wait_for "$total"
python3 - "$work/arrivals.jsonl" <<'PY'
import json, sys
lat = sorted((r["arrived"] - float(r["committed"])) * 1000 for r in map(json.loads, open(sys.argv[1])))
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
print(f"commit to delivery: p50 {pick(0.5):.1f} ms, p99 {pick(0.99):.1f} ms, max {lat[-1]:.1f} ms over {len(lat)} events")
PY
