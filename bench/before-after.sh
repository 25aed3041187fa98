#!/usr/bin/env bash
# Every benchmark for two builds, one after the other in the same session, for a before/after
# table: bench/before-after.sh BEFORE_BINARY [AFTER_BINARY]. Build the "before" binary from an
# older commit first, e.g.
#   git worktree add /tmp/before <commit> && (cd /tmp/before && swift build -c release)
# The after binary defaults to this checkout's release build. Start the product (scripts/run)
# first. The outputs are kept in .data/bench-before.txt and .data/bench-after.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
before=${1:?usage: bench/before-after.sh BEFORE_BINARY [AFTER_BINARY]}
after=${2:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
# Interleaved, benchmark by benchmark, so that both builds meet the same moment of a noisy machine.
rm -f "$EG_ROOT/.data/bench-before.txt" "$EG_ROOT/.data/bench-after.txt"
run_side() {
  local side=$1 bin=$2
  shift 2
  eg_log "$side: $*"
  env EG_BENCH_BIN="$bin" "$@" 2>&1 | grep -v 'applied migration\|NOTICE' | tee -a "$EG_ROOT/.data/bench-$side.txt"
}
for bench in signing.sh "signing.sh 8" admin-lists.sh writes.sh; do
  for side in before after; do
    bin=$before
    [ "$side" = after ] && bin=$after
    case $bench in
      "signing.sh 8") EG_THREADS=8 run_side "$side" "$bin" "$EG_ROOT/bench/signing.sh" | sed -n 's/^signing /signing, 8 threads /p' ;;
      *) run_side "$side" "$bin" "$EG_ROOT/bench/$bench" ;;
    esac
  done
done
