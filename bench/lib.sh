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
  nginx -p "$BENCH_NGINX" -c "$conf" -e "$BENCH_NGINX/error.log"
  bench_on_exit 'kill "$(cat "$BENCH_NGINX/nginx.pid")" 2>/dev/null || true'
  eg_wait_http "$BENCH_BASE/healthz" 50 || eg_die "the benchmark's nginx did not start"
}

# Clean-up steps run at exit, last registered first.
BENCH_CLEANUP=()
bench_on_exit() {
  BENCH_CLEANUP=("$1" "${BENCH_CLEANUP[@]}")
  trap 'for step in "${BENCH_CLEANUP[@]}"; do eval "$step"; done' EXIT
}

# bench_wrk URL [HEADER]: prints "req/s p50_ms p99_ms".
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
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
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

  local dynamic static
  dynamic=$(bench_wrk "$BENCH_BASE$path" "$header")
  static=$(bench_wrk "$BENCH_BASE/__bench/$name.html")
  local rss_kb
  rss_kb=$(for pid in $(pgrep -f 'eventgaraget serve'); do awk '/VmRSS/ {print $2}' /proc/$pid/status; done | sort -n | tail -1)
  echo "$dynamic $static ${rss_kb:-0}" | awk -v name="$name" -v path="$path" -v c="$BENCH_CONNECTIONS" '{
    printf "%s (%s), wrk %d connections, %d bytes\n", name, path, c, 0
    printf "  %-22s %10s %10s %10s %8s\n", "", "req/s", "p50 ms", "p99 ms", "non-2xx"
    printf "  %-22s %10d %10.2f %10.2f %8d\n", "responder (rendered)", $1, $2, $3, $4
    printf "  %-22s %10d %10.2f %10.2f %8d\n", "nginx static copy", $5, $6, $7, $8
    printf "  ratio rendered/static: %.2f x req/s    responder RSS: %.1f MB\n", ($5 > 0 ? $1 / $5 : 0), $9 / 1024
  }' | sed "s/, 0 bytes/, $(stat -c %s "$copy") bytes/"
}
