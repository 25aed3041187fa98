#!/usr/bin/env bash
# Foundation benchmark: the home page, rendered by the responder from PostgreSQL, against nginx
# serving a byte-identical static copy, through the same nginx over HTTPS, in one run.
# Start the product first (scripts/run), then: bench/home.sh (a responder of its own on the
# product's database; EG_BENCH_BIN picks the build).
# Targets on 2 cores at 32 connections: >= 0.25x the static req/s, p99 < 10 ms, RSS < 60 MB.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_own_responder eventgaraget
bench_require_running "$BENCH_UPSTREAM"
bench_compare home /
