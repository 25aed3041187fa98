#!/usr/bin/env bash
# The customer's signing page (GET /sign/{token}, read from PostgreSQL and counted as a view)
# against nginx serving a byte-identical static copy, in one run. Start the product first
# (scripts/run loads the demo data and records its signing link), then: bench/signing.sh
# It runs a responder of its own on the product's database (EG_BENCH_BIN picks the build).
# Target on 2 cores at 32 connections: >= 0.15x the static req/s, p99 < 10 ms.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_own_responder eventgaraget
bench_require_running "$BENCH_UPSTREAM"
link=$(grep -m1 '^Signing link: ' "$EG_ROOT/.data/log/seed-demo.log" 2>/dev/null | sed 's/^Signing link: //') ||
  true
[ -n "$link" ] || eg_die "no demo signing link in .data/log/seed-demo.log (seed-demo runs on a fresh .data/)"
bench_compare signing "/sign/${link##*/}"
