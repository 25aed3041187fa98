#!/usr/bin/env bash
# Every benchmark for two builds, one after the other in the same session, for a before/after
# table: bench/before-after.sh BEFORE_BINARY [AFTER_BINARY]. Build the "before" binary from an
# older commit first, e.g.
#   git worktree add /tmp/before <commit> && (cd /tmp/before && swift build -c release)
# The after binary defaults to this checkout's release build. Start the product (scripts/run)
# first. Each run's output is kept in .data/bench-before.txt and .data/bench-after.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
before=${1:?usage: bench/before-after.sh BEFORE_BINARY [AFTER_BINARY]}
after=${2:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
for side in before after; do
  bin=$before
  [ "$side" = after ] && bin=$after
  out=$EG_ROOT/.data/bench-$side.txt
  eg_log "$side: $bin"
  {
    EG_BENCH_BIN=$bin "$EG_ROOT/bench/signing.sh"
    EG_BENCH_BIN=$bin EG_THREADS=8 "$EG_ROOT/bench/signing.sh" | sed 's/^signing/signing, 8 threads/'
    EG_BENCH_BIN=$bin "$EG_ROOT/bench/admin-lists.sh"
    EG_BENCH_BIN=$bin "$EG_ROOT/bench/writes.sh"
  } 2>&1 | grep -v 'applied migration\|NOTICE' | tee "$out"
done
