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
bench_demo_session eg_bench

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
