#!/usr/bin/env bash
# Runs every benchmark in turn and keeps each one's output in bench/results/<date>/ (not committed:
# see bench/.gitignore). About 15 minutes on a 2-core machine, most of it squidGuard and sarg.
#   bench/run-all.sh [squid-helper] [dns] [proxy] [index] [monitor] [import]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="bench/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
WHICH=("$@")
[ ${#WHICH[@]} -gt 0 ] || WHICH=(index monitor squid-helper dns proxy import)
status=0
for b in "${WHICH[@]}"; do
  case "$b" in
    index) cmd=(node --import tsx bench/index.ts) ;;
    monitor) cmd=(node --import tsx bench/monitor.ts) ;;
    squid-helper | dns | proxy | import) cmd=(bash "bench/$b.sh") ;;
    *) echo "run-all: unknown benchmark $b (index, monitor, squid-helper, dns, proxy, import)" >&2; exit 2 ;;
  esac
  echo "######## $b: ${cmd[*]}"
  if ! "${cmd[@]}" 2>&1 | tee "$OUT/$b.txt"; then
    echo "######## $b FAILED (see $OUT/$b.txt)"
    status=1
  fi
done
echo
echo "######## summaries ($OUT)"
for b in "${WHICH[@]}"; do
  [ -f "$OUT/$b.txt" ] && sed -n '/^==== summary/,$p' "$OUT/$b.txt"
done
exit $status
