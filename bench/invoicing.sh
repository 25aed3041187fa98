#!/usr/bin/env bash
# Invoicing benchmark: the invoice list (all, and filtered to overdue), one invoice's page, the
# revenue report with its SVG chart and the receivables report, signed in as the demo manager,
# rendered by the responder against nginx serving a byte-identical static copy in the same run.
# Start the product first (scripts/run), then:
#   bench/invoicing.sh
# It uses its own database (eg_bench, in the product's PostgreSQL cluster, with the demo data) and
# its own responder, and drops them afterwards. Numbers only: nothing here gates CI.
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

jar=$(mktemp)
bench_on_exit "rm -f $jar"
login_token=$(curl -ks -c "$jar" "$BENCH_BASE/admin/login" | sed -n 's/.*name="_login" value="\([^"]*\)".*/\1/p' | head -1)
curl -ks -b "$jar" -c "$jar" -o /dev/null -H "Origin: $BENCH_BASE" \
  --data-urlencode "_login=$login_token" --data-urlencode "email=maria@eventgaraget.se" \
  --data-urlencode "password=eventgaraget-demo" "$BENCH_BASE/admin/login"
session=$(awk '$6 == "__Host-eg_session" { print $7 }' "$jar")
[ -n "$session" ] || eg_die "could not sign in to the benchmark's responder"
cookie="Cookie: __Host-eg_session=$session"

invoice=$(psql_bench -d eg_bench -Atc "SELECT min(id) FROM invoices WHERE state = 'issued' AND kind = 'invoice'")
bench_compare invoices /admin/invoices "$cookie"
bench_compare invoices-overdue "/admin/invoices?status=overdue" "$cookie"
bench_compare invoice "/admin/invoices/$invoice" "$cookie"
bench_compare report-revenue /admin/reports/revenue "$cookie"
bench_compare report-receivables /admin/reports/receivables "$cookie"
