#!/usr/bin/env bash
# Admin benchmark: the customers list and the bookings list (50 rows each), signed in, rendered by
# the responder against nginx serving a byte-identical static copy, with 1,000 and then 100,000
# customers and bookings in the database. Start the product first (scripts/run), then:
#   bench/admin-lists.sh
# It uses its own database (eg_bench, in the product's PostgreSQL cluster) and its own responder,
# and drops them afterwards. Targets at 32 connections: >= 0.10x the static req/s, p99 < 15 ms,
# and the 100,000-row database at >= 0.8x the 1,000-row one.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

data=$EG_ROOT/.data
run=$data/run
pg_port=${EG_PG_PORT:-55432}
psql_bench() { "$(eg_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$run" -p "$pg_port" -U postgres "$@"; }
bin=${EG_BENCH_BIN:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
[ -x "$bin" ] || eg_die "build the product first (scripts/run)"

psql_bench -d postgres -c "DROP DATABASE IF EXISTS eg_bench" -c "CREATE DATABASE eg_bench"
bench_on_exit 'psql_bench -d postgres -c "DROP DATABASE IF EXISTS eg_bench" >/dev/null 2>&1 || true'
DATABASE_URL="postgresql:///eg_bench?host=$run&port=$pg_port&user=postgres" "$bin" migrate >/dev/null
DATABASE_URL="postgresql:///eg_bench?host=$run&port=$pg_port&user=postgres" "$bin" seed-demo >/dev/null
bench_own_responder eg_bench
bench_require_running "$BENCH_UPSTREAM"

# Sign in through the real form, as the demo manager; wrk then sends the session cookie.
jar=$(mktemp)
bench_on_exit "rm -f $jar"
login_token=$(curl -ks -c "$jar" "$BENCH_BASE/admin/login" | sed -n 's/.*name="_login" value="\([^"]*\)".*/\1/p' | head -1)
curl -ks -b "$jar" -c "$jar" -o /dev/null -H "Origin: $BENCH_BASE" \
  --data-urlencode "_login=$login_token" --data-urlencode "email=maria@eventgaraget.se" \
  --data-urlencode "password=eventgaraget-demo" "$BENCH_BASE/admin/login"
session=$(awk '$6 == "__Host-eg_session" { print $7 }' "$jar")
[ -n "$session" ] || eg_die "could not sign in to the benchmark's responder"
cookie="Cookie: __Host-eg_session=$session"

measure() {
  local label=$1
  echo "== $label"
  bench_compare "customers-$label" /admin/customers "$cookie"
  bench_compare "bookings-$label" /admin/bookings "$cookie"
}

psql_bench -d eg_bench -v first=1 -v n=1000 -f "$EG_ROOT/bench/sql/bulk-bookings.sql" >/dev/null
measure 1k | tee "$data/bench-1k.txt"
eg_log "growing to 100,000 customers and bookings"
psql_bench -d eg_bench -v first=1001 -v n=99000 -f "$EG_ROOT/bench/sql/bulk-bookings.sql" >/dev/null
measure 100k | tee "$data/bench-100k.txt"

rps() { awk '/responder \(rendered\)/ { print $3 }' "$1"; }
paste <(rps "$data/bench-1k.txt") <(rps "$data/bench-100k.txt") | awk '
  NR == 1 { name = "customers" } NR == 2 { name = "bookings" }
  { printf "%s list: 100k rows at %.2fx the req/s of 1k rows\n", name, ($1 > 0 ? $2 / $1 : 0) }'
