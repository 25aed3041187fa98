#!/usr/bin/env bash
# The two hot write paths and the page in front of one of them, each through nginx with wrk:
#   - the quotation editor page (a ten-line draft, signed in) against its static copy;
#   - saving the editor (POST, a different draft each time, each at its current version);
#   - signing (POST /sign/{token}, a typed signature; each link is used once).
# Prints req/s, p50/p99, responder CPU per request and PostgreSQL statements per operation.
# Start the product first (scripts/run), then: bench/writes.sh
# It uses its own database (eg_bench_writes, dropped afterwards) and its own responder; the data
# is made through the product's own pages by bench/fixtures.py (BENCH_COPIES_COUNT drafts, half
# of them sent). Stock is raised first so that availability never refuses a signature: the
# benchmark is about the write path, not about running out of stock. BENCH_PROFILE=1 also records
# a perf profile of the responder during each POST run (.data/bench-save.perf, bench-sign.perf).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

run=$EG_ROOT/.data/run
pg_port=${EG_PG_PORT:-55432}
database=eg_bench_writes
count=${BENCH_COPIES_COUNT:-3000}
psql_w() { "$(eg_pg_bin)/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$run" -p "$pg_port" -U postgres "$@"; }
bin=${EG_BENCH_BIN:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
[ -x "$bin" ] || eg_die "build the product first (scripts/run)"

psql_w -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
bench_on_exit "psql_w -d postgres -c 'DROP DATABASE IF EXISTS $database' >/dev/null 2>&1 || true"
url="postgresql:///$database?host=$run&port=$pg_port&user=postgres"
DATABASE_URL=$url "$bin" migrate >/dev/null
DATABASE_URL=$url "$bin" seed-demo >/dev/null
psql_w -d "$database" -c "UPDATE products SET stock = 1000000"
bench_own_responder "$database"
bench_require_running "$BENCH_UPSTREAM"

work=$(mktemp -d)
bench_on_exit "rm -rf $work"
eg_log "making $count drafts through the editor (bench/fixtures.py)"
python3 "$EG_ROOT/bench/fixtures.py" "$BENCH_BASE" maria@eventgaraget.se eventgaraget-demo "$work" "$count"
cookie=$(cat "$work/cookie")
# The sent copies' links get known tokens (43 characters, as the product's), one per link.
psql_w -d "$database" -c "
  UPDATE signing_links l SET token_hash = sha256(convert_to(rpad('bench' || l.id, 43, 'x'), 'UTF8'))
    FROM quotation_versions v WHERE v.id = l.quotation_version_id AND l.voided_at IS NULL"
psql_w -d "$database" -F $'\t' -c "
  SELECT t, encode(sha256(convert_to('eventgaraget-sign-form:' || t, 'UTF8')), 'hex')
    FROM (SELECT rpad('bench' || id, 43, 'x') AS t FROM signing_links WHERE voided_at IS NULL) links" >"$work/tokens.txt"

bench_compare editor "$(cat "$work/editor")" "$cookie"

# post NAME MODE: one wrk run of bench/post.lua (MODE save or sign); prints the same numbers as the pages.
post() {
  local name=$1 mode=$2 ticks_before statements_before out requests ticks statements
  ticks_before=$(bench_responder_ticks)
  statements_before=$(bench_statements)
  local mark trips
  mark=$(bench_log_mark)
  local seconds=${BENCH_WRITE_SECONDS:-5} recorder=
  if [ -n "${BENCH_PROFILE:-}" ]; then
    eg_install linux-perf
    # perf record of the responder over the run, kept for `perf report -i` (named after the mode).
    perf record -q -F 999 -g -p "$BENCH_RESPONDER_PIDS" -o "$EG_ROOT/.data/bench-$mode.perf" \
      -- sleep "$seconds" 2>/dev/null &
    recorder=$!
  fi
  out=$(cd "$work" && BENCH_POST=$mode wrk -t2 -c"$BENCH_CONNECTIONS" -d"${seconds}s" --latency \
    -s "$EG_ROOT/bench/post.lua" "$BENCH_BASE")
  [ -z "$recorder" ] || wait "$recorder" || eg_log "perf record failed: no profile for $mode"
  ticks=$(($(bench_responder_ticks) - ticks_before))
  local statements_after
  statements_after=$(bench_statements)
  if [ -n "$statements_before" ] && [ -n "$statements_after" ]; then
    statements=$((statements_after - statements_before))
  else
    statements=
  fi
  requests=$(echo "$out" | awk '/ requests in / { print $1 }')
  trips=$(bench_round_trips_since "$mark")
  echo "$out" | awk -v name="$name" -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" -v s="$statements" -v trips="$trips" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
    END {
      printf "%s, wrk %d connections\n", name, '"$BENCH_CONNECTIONS"'
      printf "  %10s %10s %10s %8s\n", "req/s", "p50 ms", "p99 ms", "non-3xx"
      printf "  %10d %10.2f %10.2f %8d\n", rps, p50, p99, bad
      printf "  responder CPU: %.0f us per request    statements per request: %s    round trips: %s\n", t * 1000000 / hz / n,
        (s == "" ? "n/a" : sprintf("%.2f", s / n)), trips
    }'
}

saves() { psql_w -d "$database" -c "SELECT count(*) FROM audit_log WHERE action = 'updated' AND entity_type = 'quotation'"; }
saved_before=$(saves)
post "editor save (POST, 303 to the editor)" save
echo "  saved: $(($(saves) - saved_before)) times"
post "signing (POST /sign/{token}, 303 to done)" sign
echo "  signed: $(psql_w -d "$database" -c "SELECT count(*) FROM signatures") links of $(wc -l <"$work/tokens.txt")"
