#!/usr/bin/env bash
# Saved reports benchmark: the grouped reports' statements on 100,000 bookings (and as many
# quotations and customers), timed in PostgreSQL, then the demo's "Bokningar per månad" page and
# its CSV file through nginx with wrk, signed in as the demo manager. Start the product first
# (scripts/run), then:
#   bench/saved-reports.sh
# It uses its own database (eg_bench, with the demo data) and its own responder, and drops them
# afterwards. Only the statements' part, on a database you give (migrated, demo seeded):
#   bench/saved-reports.sh --sql 'postgresql:///db?host=/socket/dir&port=5432&user=postgres'
# The statements are the ones ReportQueryBuilder writes for these definitions (the Domain tests pin
# that text). Numbers only: nothing here gates CI.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=${BENCH_RUNS:-25}

# The builder's statements, each with its definition in words.
statements=(
  "bookings per start month, count and sum of total (the demo's report)|SELECT to_char((b.period_start)::date, 'YYYY-MM') AS g0, count(*)::bigint AS m0, coalesce(sum(b.total_ore), 0)::bigint AS m1 FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id GROUP BY 1 ORDER BY g0 ASC NULLS LAST LIMIT 1000"
  "bookings not cancelled in 2026, per week and state, count and average total|SELECT to_char((b.period_start)::date, 'IYYY-\"W\"IW') AS g0, (b.state)::text AS g1, count(*)::bigint AS m0, round(avg(b.total_ore))::bigint AS m1 FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id WHERE ((b.state) IS DISTINCT FROM 'cancelled') AND ((b.period_start) BETWEEN '2026-01-01'::date AND '2026-12-31'::date) GROUP BY 1, 2 ORDER BY g0 ASC NULLS LAST, g1 ASC NULLS LAST LIMIT 1000"
  "quotations per state, count and sum of total, most first (the demo's report)|SELECT (q.state)::text AS g0, count(*)::bigint AS m0, coalesce(sum(q.total_ore), 0)::bigint AS m1 FROM quotations q LEFT JOIN customers c ON c.id = q.customer_id GROUP BY 1 ORDER BY m0 DESC NULLS LAST, g0 ASC NULLS LAST LIMIT 1000"
  "bookings per customer's name containing 'berg', sum of total, largest first|SELECT (c.name)::text AS g0, coalesce(sum(b.total_ore), 0)::bigint AS m0 FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id WHERE ((c.name)::text ILIKE '%berg%') GROUP BY 1 ORDER BY m0 DESC NULLS LAST, g0 ASC NULLS LAST LIMIT 100"
)

# time_statements PSQL...: each statement's server-side execution time over $runs runs (EXPLAIN
# ANALYZE, after one warm-up), as median and worst, and whether the bookings were read from an index.
time_statements() {
  local entry name sql times plan
  for entry in "${statements[@]}"; do
    name=${entry%%|*}
    sql=${entry#*|}
    "$@" -Atc "$sql" >/dev/null
    times=$(for _ in $(seq "$runs"); do
      "$@" -Atc "EXPLAIN (ANALYZE, FORMAT JSON) $sql" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p'
    done | sort -n)
    plan=$("$@" -Atc "EXPLAIN $sql" | grep -Eo '(Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan) (using [a-z_]+ )?on [a-z_]+' | sort -u | paste -sd ';' -)
    printf '%-80s median %7.1f ms  worst %7.1f ms  (%s)\n' "$name" \
      "$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" \
      "$(echo "$times" | tail -1)" "$plan"
  done
}

load_rows() {
  eg_log "loading 100,000 customers, quotations and bookings"
  "$@" -v first=1 -v n=100000 -f "$EG_ROOT/bench/sql/bulk-bookings.sql" >/dev/null
  "$@" -c "VACUUM ANALYZE bookings" -c "VACUUM ANALYZE quotations" -c "VACUUM ANALYZE customers" >/dev/null
  echo "bookings: $("$@" -Atc 'SELECT count(*) FROM bookings')"
}

if [ "${1:-}" = "--sql" ]; then
  url=${2:?a database URL}
  sql_psql() { "$(eg_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }
  load_rows sql_psql
  time_statements sql_psql
  exit 0
fi

bench_demo_session eg_bench
load_rows psql_bench -d eg_bench
time_statements psql_bench -d eg_bench
report=$(psql_bench -d eg_bench -Atc "SELECT id FROM saved_reports WHERE name = 'Bokningar per månad'")
bench_compare saved-report "/admin/reports/saved/$report" "$cookie"
bench_compare saved-report-csv "/admin/reports/saved/$report/export.csv" "$cookie"
