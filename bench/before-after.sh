#!/usr/bin/env bash
# Every benchmark for two builds, one after the other in the same session, for a before/after
# table (signing, signing with 8 threads, admin lists, writes): bench/before-after.sh BEFORE_BINARY
# [AFTER_BINARY]. Build the "before" binary from an
# older commit first, e.g.
#   git worktree add /tmp/before <commit> && (cd /tmp/before && swift build -c release)
# The after binary defaults to this checkout's release build. Start the product (scripts/run)
# first. The outputs are kept in .data/bench-before.txt and .data/bench-after.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
before=${1:?usage: bench/before-after.sh BEFORE_BINARY [AFTER_BINARY]}
after=${2:-$(cd "$EG_ROOT" && swift build -c release --show-bin-path)/eventgaraget}
# The run lengths the README's table was measured with, unless set: 8-second page runs, 3-second
# POST runs over 1,500 drafts and 1,500 links (writes.sh says how many links were signed).
export BENCH_SECONDS=${BENCH_SECONDS:-8} BENCH_WRITE_SECONDS=${BENCH_WRITE_SECONDS:-3}
export BENCH_COPIES_COUNT=${BENCH_COPIES_COUNT:-3000}
# Interleaved, benchmark by benchmark, so that both builds meet the same moment of a noisy machine.
rm -f "$EG_ROOT/.data/bench-before.txt" "$EG_ROOT/.data/bench-after.txt"
# run_side SIDE BINARY LABEL SCRIPT: one benchmark for one build; LABEL renames its first word.
run_side() {
  local side=$1 bin=$2 label=$3 script=$4
  eg_log "$side: $label"
  env EG_BENCH_BIN="$bin" "$script" 2>&1 | grep -v 'applied migration\|NOTICE' |
    sed "s/^signing (\/sign/$label (\/sign/" | tee -a "$EG_ROOT/.data/bench-$side.txt"
}
for bench in signing "signing, 8 threads" admin-lists writes; do
  for side in before after; do
    bin=$before
    [ "$side" = after ] && bin=$after
    case $bench in
      "signing, 8 threads") EG_THREADS=8 run_side "$side" "$bin" "$bench" "$EG_ROOT/bench/signing.sh" ;;
      *) run_side "$side" "$bin" "$bench" "$EG_ROOT/bench/$bench.sh" ;;
    esac
  done
done
