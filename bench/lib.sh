# Shared by the bench/ scripts: compare a page the responder renders with nginx serving a
# byte-identical static copy of it, in the same run, with wrk. Numbers only; never a test.

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
# The product's own nginx keeps its rate limits, which a load generator on one address trips at
# once; the benchmark runs a second nginx with the same rules but those limits lifted, in front of
# the same responder, and serves the static copies from it too.
PRODUCT_BASE=https://localhost:${EG_HTTPS_PORT:-8443}
BENCH_PORT=${BENCH_PORT:-8543}
BENCH_BASE=https://localhost:$BENCH_PORT
BENCH_NGINX=$EG_ROOT/.data/bench-nginx
BENCH_COPIES=$BENCH_NGINX/bench
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_SECONDS=${BENCH_SECONDS:-10}
# The database the measured responder uses, for counting its statements.
BENCH_DATABASE=${BENCH_DATABASE:-eventgaraget}

# psql on the product's PostgreSQL cluster (scripts/run's, under .data/run).
bench_psql() {
  "$(eg_pg_bin)/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$EG_ROOT/.data/run" -p "${EG_PG_PORT:-55432}" -U postgres \
    -d postgres "$@"
}

# Statements PostgreSQL has run for BENCH_DATABASE so far (pg_stat_statements, which scripts/run's
# cluster loads), or nothing when the extension is not loaded (a cluster started before it was).
bench_statements() {
  bench_psql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || return 0
  bench_psql -c "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s
                  JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$BENCH_DATABASE'" 2>/dev/null || true
}

# CPU time (user + system, in clock ticks) the responders have used so far, from /proc.
bench_responder_ticks() {
  local pid total=0 fields
  for pid in ${BENCH_RESPONDER_PIDS:-$(pgrep -f 'eventgaraget serve')}; do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(echo "$fields" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}

# bench_require_running [UPSTREAM]: the product must be up; starts the benchmark's nginx in front
# of UPSTREAM (default: the running product's responder).
bench_require_running() {
  local upstream=${1:-unix:$EG_ROOT/.data/run/eventgaraget.sock}
  eg_install $EG_PACKAGES_BENCH
  [ "$(curl -ks -o /dev/null -w '%{http_code}' "$PRODUCT_BASE/healthz")" = 200 ] ||
    eg_die "the product is not running at $PRODUCT_BASE: start it with scripts/run in another terminal"
  local conf
  conf=$(EG_NGINX_ACCESS_LOG=off "$EG_ROOT/scripts/nginx-config" "$BENCH_NGINX" "$BENCH_PORT" "$upstream")
  sed -i -E 's/rate=[0-9]+r\/m/rate=100000r\/s/' "$BENCH_NGINX/eventgaraget/eventgaraget-http.conf"
  # nginx counts in milliseconds: more than a burst's worth in one millisecond would still be refused.
  sed -i -E 's/burst=[0-9]+/burst=100000/' "$BENCH_NGINX/eventgaraget/eventgaraget-locations.conf"
  nginx -p "$BENCH_NGINX" -c "$conf" -e "$BENCH_NGINX/error.log"
  bench_on_exit 'kill "$(cat "$BENCH_NGINX/nginx.pid")" 2>/dev/null || true'
  eg_wait_http "$BENCH_BASE/healthz" 50 || eg_die "the benchmark's nginx did not start"
}

# bench_own_responder DATABASE: starts a responder of its own for the benchmark, on DATABASE in
# the product's cluster, and points the CPU and statement counters at it. The binary is
# EG_BENCH_BIN (default: the release build), so two builds can be measured back to back on the
# same data. Sets BENCH_UPSTREAM for bench_require_running; stopped at exit.
bench_own_responder() {
  local database=$1 run=$EG_ROOT/.data/run bin=${EG_BENCH_BIN:-}
  BENCH_RESPONDER_LOG=$EG_ROOT/.data/log/bench-responder.log
  [ -n "$bin" ] || bin=$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget
  [ -x "$bin" ] || eg_die "build the product first (scripts/run)"
  local socket=$run/bench-$database.sock
  env DATABASE_URL="postgresql:///$database?host=$run&port=${EG_PG_PORT:-55432}&user=postgres" \
    EG_LISTEN="unix:$socket" EG_STATIC_DIR="$EG_ROOT/static" ${EG_THREADS:+EG_THREADS=$EG_THREADS} \
    "$bin" serve 2>"$BENCH_RESPONDER_LOG" &
  local pid=$!
  bench_on_exit "kill $pid 2>/dev/null || true"
  export BENCH_DATABASE=$database BENCH_RESPONDER_PIDS=$pid
  BENCH_UPSTREAM=unix:$socket
  for _ in $(seq 100); do [ -S "$socket" ] && return 0; sleep 0.1; done
  eg_die "the benchmark's responder did not start (see .data/log/bench-responder.log)"
}

# Lines in the benchmark responder's log so far (one per request), and the PostgreSQL round trips
# per request in the lines after such a mark (each request's line ends its fields with db=N; a
# build from before that field shows n/a).
bench_log_mark() { wc -l <"${BENCH_RESPONDER_LOG:-/dev/null}"; }
bench_round_trips_since() {
  tail -n +$(($1 + 1)) "${BENCH_RESPONDER_LOG:-/dev/null}" | { grep -o ' db=[0-9]*' || true; } |
    awk -F= '{ s += $2; n++ } END { if (n) printf "%.2f", s / n; else printf "n/a" }'
}

# Clean-up steps run at exit, last registered first.
BENCH_CLEANUP=()
bench_on_exit() {
  BENCH_CLEANUP=("$1" "${BENCH_CLEANUP[@]}")
  trap 'for step in "${BENCH_CLEANUP[@]}"; do eval "$step"; done' EXIT
}

# bench_wrk URL [HEADER]: prints "req/s p50_ms p99_ms non2xx requests".
bench_wrk() {
  local url=$1 header=${2:-} out
  if [ -n "$header" ]; then
    out=$(wrk -t2 -c"$BENCH_CONNECTIONS" -d"${BENCH_SECONDS}s" --latency -H "$header" "$url")
  else
    out=$(wrk -t2 -c"$BENCH_CONNECTIONS" -d"${BENCH_SECONDS}s" --latency "$url")
  fi
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    / requests in / { total = $1 }
    END { printf "%.0f %.2f %.2f %s %d\n", rps, p50, p99, (bad == "" ? 0 : bad), total }'
}

# bench_compare NAME PATH [HEADER]: saves a static copy of PATH, checks it is byte-identical,
# measures both and prints one comparison.
bench_compare() {
  local name=$1 path=$2 header=${3:-} copy
  mkdir -p "$BENCH_COPIES"
  copy="$BENCH_COPIES/$name.html"
  if [ -n "$header" ]; then curl -ks -H "$header" "$BENCH_BASE$path" -o "$copy"; else curl -ks "$BENCH_BASE$path" -o "$copy"; fi
  if [ -n "$header" ]; then
    curl -ks -H "$header" "$BENCH_BASE$path" | cmp -s - "$copy" || echo "note: $path differs between two fetches (per-request content)" >&2
  fi
  cmp -s "$copy" <(curl -ks "$BENCH_BASE/__bench/$name.html") || eg_die "static copy of $path is not byte-identical"

  local dynamic static ticks_before ticks_after statements_before statements_after
  ticks_before=$(bench_responder_ticks)
  statements_before=$(bench_statements)
  local log_mark
  log_mark=$(bench_log_mark)
  dynamic=$(bench_wrk "$BENCH_BASE$path" "$header")
  local round_trips
  round_trips=$(bench_round_trips_since "$log_mark")
  ticks_after=$(bench_responder_ticks)
  statements_after=$(bench_statements)
  static=$(bench_wrk "$BENCH_BASE/__bench/$name.html")
  local rss_kb requests cpu_us statements
  rss_kb=$(for pid in ${BENCH_RESPONDER_PIDS:-$(pgrep -f 'eventgaraget serve')}; do awk '/VmRSS/ {print $2}' /proc/$pid/status; done | sort -n | tail -1)
  requests=$(echo "$dynamic" | awk '{ print $5 }')
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.0f", (n > 0 ? t * 1000000 / hz / n : 0) }')
  if [ -n "$statements_before" ] && [ -n "$statements_after" ]; then
    statements=$(awk -v s=$((statements_after - statements_before)) -v n="$requests" \
      'BEGIN { printf "%.2f", (n > 0 ? s / n : 0) }')
  else
    statements="n/a (restart scripts/run to load pg_stat_statements)"
  fi
  echo "$dynamic $static ${rss_kb:-0}" | awk -v name="$name" -v path="$path" -v c="$BENCH_CONNECTIONS" \
    -v cpu="$cpu_us" -v stmts="$statements" -v trips="$round_trips" '{
    printf "%s (%s), wrk %d connections, %d bytes\n", name, path, c, 0
    printf "  %-22s %10s %10s %10s %8s\n", "", "req/s", "p50 ms", "p99 ms", "non-2xx"
    printf "  %-22s %10d %10.2f %10.2f %8d\n", "responder (rendered)", $1, $2, $3, $4
    printf "  %-22s %10d %10.2f %10.2f %8d\n", "nginx static copy", $6, $7, $8, $9
    printf "  ratio rendered/static: %.2f x req/s    responder RSS: %.1f MB\n", ($6 > 0 ? $1 / $6 : 0), $11 / 1024
    printf "  responder CPU: %s us per request    statements per request: %s    round trips: %s\n", cpu, stmts, trips
  }' | sed "s/, 0 bytes/, $(stat -c %s "$copy") bytes/"
}

# bench_demo_session DATABASE: a fresh database of that name in the product's cluster with the
# migrations and the demo data (dropped at exit), the benchmark's own responder and nginx in front
# of it, and the demo manager signed in through the real form. Sets `cookie` (the header wrk
# sends) and defines `psql_bench` (psql as postgres on the product's cluster).
bench_demo_session() {
  local database=$1 run=$EG_ROOT/.data/run pg_port=${EG_PG_PORT:-55432} bin=${EG_BENCH_BIN:-}
  psql_bench() { "$(eg_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$EG_ROOT/.data/run" -p "${EG_PG_PORT:-55432}" -U postgres "$@"; }
  [ -n "$bin" ] || bin=$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget
  [ -x "$bin" ] || eg_die "build the product first (scripts/run)"
  psql_bench -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
  bench_on_exit "psql_bench -d postgres -c \"DROP DATABASE IF EXISTS $database\" >/dev/null 2>&1 || true"
  DATABASE_URL="postgresql:///$database?host=$run&port=$pg_port&user=postgres" "$bin" migrate >/dev/null
  DATABASE_URL="postgresql:///$database?host=$run&port=$pg_port&user=postgres" "$bin" seed-demo >/dev/null
  bench_own_responder "$database"
  bench_require_running "$BENCH_UPSTREAM"

  local jar login_token session
  jar=$(mktemp)
  bench_on_exit "rm -f $jar"
  login_token=$(curl -ks -c "$jar" "$BENCH_BASE/admin/login" | sed -n 's/.*name="_login" value="\([^"]*\)".*/\1/p' | head -1)
  curl -ks -b "$jar" -c "$jar" -o /dev/null -H "Origin: $BENCH_BASE" \
    --data-urlencode "_login=$login_token" --data-urlencode "email=maria@eventgaraget.se" \
    --data-urlencode "password=eventgaraget-demo" "$BENCH_BASE/admin/login"
  session=$(awk '$6 == "__Host-eg_session" { print $7 }' "$jar")
  [ -n "$session" ] || eg_die "could not sign in to the benchmark's responder"
  cookie="Cookie: __Host-eg_session=$session"
}
