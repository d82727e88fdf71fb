#!/usr/bin/env bash
# Haven's Squid url_rewrite helper (`haven filter helper`) against squidGuard 1.6 on the same
# request lines and the same UT1 lists. See bench/README.md.
#   bench/squid-helper.sh            (BENCH_LINES=500000 BENCH_LISTED=0.3 BENCH_GROUP=ks3 to change)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$BENCH/lib/squidguard.sh"

LINES="${BENCH_LINES:-500000}"
LISTED="${BENCH_LISTED:-0.3}"
SCHOOL="${BENCH_SCHOOL:-milford-haven}"
GROUP="${BENCH_GROUP:-ks3}"
BLOCK_URL="http://127.0.0.1:8080/blocked"

need squidGuard squidguard
haven_setup

echo "== Squid url_rewrite helper: Haven vs squidGuard =="
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(machine)"
echo "peers:    $(squidguard_version)"
echo "haven:    $(haven_version), run through $HAVEN_VIA"
echo "lists:    $UT1_DIR"

echo "-- generating $LINES request lines"
REQ="$WORK/requests.txt"
GEN="$(node "$BENCH/lib/gen-squid-input.mjs" --out "$REQ" --lines "$LINES" --listed "$LISTED")"
jget() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$GEN" "$1"; }
echo "data:     $LINES lines in Squid's url_rewrite format ('URL client/- - METHOD myip=.. myport=..', no channel-ID):"
echo "          $(jget listed) for domains sampled uniformly from the $(jget distinctDomains) distinct domains of the UT1 lists"
echo "          ($(jget categoriesWithDomains) categories with a domains file, $(jget domainLines) domain lines), $(jget unlisted) for synthetic"
echo "          host names that no list holds (random labels, checked against every list); $(jget connects) are CONNECT host:443, the rest GET http:// URLs"

echo "-- importing UT1 into Haven (temporary HAVEN_DATA_DIR)"
export HAVEN_DATA_DIR="$WORK/haven"
mkdir -p "$HAVEN_DATA_DIR"
"${HAVEN[@]}" lists import --format ut1 "$UT1_DIR" > "$WORK/import.txt"
HAVEN_ENTRIES="$(grep -m1 -o 'Imported [0-9]* entries' "$WORK/import.txt" | grep -o '[0-9]*')"
HAVEN_SKIPPED="$(grep -c 'not imported:' "$WORK/import.txt" || true)"
echo "          $(head -1 "$WORK/import.txt")"
echo "          $HAVEN_SKIPPED UT1 categories not imported (allow-lists, or no Haven category): $(grep -o 'not imported: [^ ]*' "$WORK/import.txt" | cut -d' ' -f3 | tr '\n' ' ')"

echo "-- building squidGuard's databases (all categories, squidGuard -C all)"
squidguard_setup "$WORK/sg" "$BLOCK_URL?url=%u"
echo "          $SG_DESTS dest blocks, one acl blocking them all; built in ${SG_BUILD_S}s"

SG_CMD=(squidGuard -c "$SG_CONF")
HV_CMD=("${HAVEN[@]}" filter helper --school "$SCHOOL" --group "$GROUP" --block-url "$BLOCK_URL")
# drive <output> <command...>: bench/lib/drive-helper.mjs sends the first line, waits for its answer
# (start-up over), then streams the rest through the pipe and times until every line is answered.
drive() { local o="$1"; shift; node "$BENCH/lib/drive-helper.mjs" "$REQ" "$o" -- "$@"; }
jnum() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "-- Haven: $LINES lines (load average before: $(load))"
HV_JSON="$(drive "$WORK/haven.out" "${HV_CMD[@]}")"
echo "          $HV_JSON"
echo "-- squidGuard: $LINES lines (the slow one; load average before: $(load))"
SG_JSON="$(drive "$WORK/squidguard.out" "${SG_CMD[@]}")"
echo "          $SG_JSON"
echo "          (load average after: $(load))"
for k in startupS steadyS totalS linesPerS vmhwmMB cpuS cpuSteadyS; do
  printf -v "SG_$k" '%s' "$(jnum "$SG_JSON" $k)"
  printf -v "HV_$k" '%s' "$(jnum "$HV_JSON" $k)"
done

SG_LINES=$(wc -l < "$WORK/squidguard.out"); HV_LINES=$(wc -l < "$WORK/haven.out")
SG_BLOCKED=$(grep -c '^OK' "$WORK/squidguard.out" || true); HV_BLOCKED=$(grep -c '^OK' "$WORK/haven.out" || true)
SG_OTHER=$(grep -vc '^OK\|^ERR$' "$WORK/squidguard.out" || true); HV_OTHER=$(grep -vc '^OK\|^ERR$' "$WORK/haven.out" || true)
LINES_OK="yes"
[ "$SG_LINES" = "$LINES" ] && [ "$HV_LINES" = "$LINES" ] || LINES_OK="NO"

echo "-- why the blocked counts differ"
node --import tsx "$BENCH/lib/compare-helper.ts" "$REQ" "$WORK/squidguard.out" "$WORK/haven.out" "$SCHOOL" "$GROUP"
cat <<TXT
  squidGuard's acl blocks every UT1 category (including UT1's allow-lists such as liste_bu, and
  categories like jobsearch, bank or press that UT1 itself marks "allow"). Haven imports only the
  UT1 categories that map to a Haven category ($HAVEN_SKIPPED are not imported), and then blocks what
  the school's policy blocks for group "$GROUP" (it allows e.g. blogs, file-sharing and
  video-broadcasting, and categories the policy has no rule for).
TXT

rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
SG_RATE=$(rate "$LINES" "$SG_totalS"); HV_RATE=$(rate "$LINES" "$HV_totalS")
SG_CPURATE=$(rate $((LINES - 1)) "$SG_cpuSteadyS"); HV_CPURATE=$(rate $((LINES - 1)) "$HV_cpuSteadyS")
col() { printf '%-22s' "$1"; }

cat <<TXT

==== summary: Squid helper ($LINES lines: $(jget listed) listed, $(jget unlisted) unlisted) ====
                            $(col "squidGuard 1.6")Haven ($GROUP)
  start-up (to 1st answer)  $(col "${SG_startupS} s")${HV_startupS} s
  rest of the lines         $(col "${SG_steadyS} s")${HV_steadyS} s
  whole run (spawn to exit) $(col "${SG_totalS} s")${HV_totalS} s
  lines/s excl. start-up    $(col "$SG_linesPerS")$HV_linesPerS
  lines/s whole run         $(col "$SG_RATE")$HV_RATE
  CPU time used (user+sys)  $(col "${SG_cpuS} s")${HV_cpuS} s
  lines per CPU-second      $(col "$SG_CPURATE")$HV_CPURATE   (after the first answer)
  peak RSS (VmHWM)          $(col "${SG_vmhwmMB} MB")${HV_vmhwmMB} MB
  output lines              $(col "$SG_LINES")$HV_LINES   (every line answered: $LINES_OK)
  blocked (OK rewrite-url)  $(col "$SG_BLOCKED")$HV_BLOCKED
  neither OK nor ERR        $(col "$SG_OTHER")$HV_OTHER
  ratio (Haven / peer): $(ratio "$HV_linesPerS" "$SG_linesPerS")× lines/s excl. start-up (goal ≥ 50×); whole run $(ratio "$HV_RATE" "$SG_RATE")×; per CPU-second $(ratio "$HV_CPURATE" "$SG_CPURATE")×
TXT
[ "$LINES_OK" = yes ] || die "the helpers did not answer every line (squidGuard $SG_LINES, Haven $HV_LINES, input $LINES)"
