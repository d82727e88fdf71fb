#!/usr/bin/env bash
# Haven's HTTP proxy (`haven gateway --proxy-listen`) against Squid with squidGuard as its
# url_rewrite helper, both forwarding to the same local web site, loaded with wrk.
# See bench/README.md.  Knobs: BENCH_PROXY_SECONDS=20 BENCH_PROXY_CONNECTIONS=50 BENCH_PROXY_THREADS=1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$BENCH/lib/squidguard.sh"

DURATION="${BENCH_PROXY_SECONDS:-20}"
CONNS="${BENCH_PROXY_CONNECTIONS:-50}"
THREADS="${BENCH_PROXY_THREADS:-1}"
SCHOOL="${BENCH_SCHOOL:-milford-haven}"
GROUP="${BENCH_GROUP:-ks3}"
ONLY="${BENCH_PROXY_ONLY:-haven squid}"

need wrk wrk
need /usr/sbin/squid squid
need squidGuard squidguard
haven_setup

echo "== HTTP proxy: Haven vs Squid + squidGuard (wrk) =="
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(machine)"
echo "peers:    $(/usr/sbin/squid -v | head -1 | sed 's/ Cache://'), $(squidguard_version), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
echo "haven:    $(haven_version), run through $HAVEN_VIA"

ORIGIN_PORT=$(free_port)
node "$BENCH/lib/origin.mjs" "$ORIGIN_PORT" > "$WORK/origin.log" 2>&1 &
PIDS+=("$!")
ORIGIN="http://127.0.0.1:$ORIGIN_PORT/"
BLOCKED_URL="http://www.bet365.com/"
echo "origin:   $BENCH/lib/origin.mjs on 127.0.0.1:$ORIGIN_PORT (Node http server, 1 KB body, keep-alive)"

echo "-- importing UT1 into Haven (temporary HAVEN_DATA_DIR)"
export HAVEN_DATA_DIR="$WORK/haven"
mkdir -p "$HAVEN_DATA_DIR"
"${HAVEN[@]}" lists import --format ut1 "$UT1_DIR" > "$WORK/import.txt"
echo "          $(head -1 "$WORK/import.txt")"
echo "-- building squidGuard's databases (every UT1 category blocked, as in bench/squid-helper.sh)"
squidguard_setup "$WORK/sg" "302:http://127.0.0.1:$ORIGIN_PORT/blocked?url=%u"
echo "          $SG_DESTS dest blocks, built in ${SG_BUILD_S}s"
# Squid runs as the 'proxy' user and starts squidGuard as that user, whose Berkeley DB opens need
# write access to the .db files (else squidGuard goes into "emergency mode" and passes everything).
# Symbolic links (to the UT1 files) are left alone.
find "$WORK/sg" ! -type l -exec chown proxy {} + || die "cannot chown the squidGuard files to the proxy user"
echo 'http://www.bet365.com/ 127.0.0.1/- - GET' > "$WORK/sg-check.txt"
SG_AS_PROXY="$(su -s /bin/sh proxy -c "squidGuard -c '$SG_CONF' < '$WORK/sg-check.txt'" 2>&1 || true)"
[[ "$SG_AS_PROXY" == OK* ]] || die "squidGuard as the proxy user does not block a listed URL: $SG_AS_PROXY"
echo "          squidGuard as the proxy user: http://www.bet365.com/ -> $SG_AS_PROXY"

cat > "$WORK/proxy.lua" <<LUA
wrk.path = "$ORIGIN"
wrk.headers["Host"] = "127.0.0.1:$ORIGIN_PORT"
LUA

write_squid_conf() {
  mkdir -p "$WORK/squid"
  chown proxy "$WORK/squid" 2>/dev/null || chmod a+rwx "$WORK/squid"
  cat > "$WORK/squid/squid.conf" <<CONF
http_port 127.0.0.1:$1
acl bench src 127.0.0.0/8
http_access allow bench
http_access deny all
cache deny all
cache_mem 0 MB
access_log none
cache_store_log none
cache_log $WORK/squid/cache.log
pid_filename $WORK/squid/squid.pid
coredump_dir $WORK/squid
netdb_filename none
visible_hostname haven-bench
shutdown_lifetime 1 seconds
url_rewrite_program /usr/bin/squidGuard -c $SG_CONF
url_rewrite_children 20 startup=20 idle=1 concurrency=0
CONF
}

start_proxy() { # <name> <port>: sets SRV_PID
  local name="$1" port="$2"
  case "$name" in
    haven)
      "${HAVEN[@]}" gateway --school "$SCHOOL" --proxy-listen "127.0.0.1:$port" --default-group "$GROUP" \
        --block-address 127.0.0.1 --block-listen "127.0.0.1:$(free_port)" > "$WORK/haven.log" 2>&1 &
      ;;
    squid)
      write_squid_conf "$port"
      /usr/sbin/squid -N -f "$WORK/squid/squid.conf" > "$WORK/squid.log" 2>&1 &
      ;;
  esac
  SRV_PID=$!; PIDS+=("$SRV_PID")
  wait_for 60 node "$BENCH/lib/http-probe.mjs" "$port" "$ORIGIN" \
    || die "$name did not proxy on 127.0.0.1:$port: $(tail -5 "$WORK/$name.log" "$WORK/squid/cache.log" 2>/dev/null)"
}

# Resident memory of a process and its children (Squid's squidGuard helpers), in MB.
tree_rss_mb() { # <pid> [VmHWM|VmRSS]
  local pids="$1" p field="${2:-VmHWM}"
  for p in $(pgrep -P "$1"); do pids+=" $p"; done
  for p in $pids; do awk -v f="$field:" '$1 == f { print $2 }' "/proc/$p/status" 2>/dev/null; done | awk '{ s += $1 } END { printf "%.1f", s / 1024 }'
}
ms() { # wrk's "12.3ms" / "1.2s" / "800us" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

declare -A RPS AVG P50 P99 MAX ERRS RSS CPU RPC RSS0
TICK=$(getconf CLK_TCK)
cpu_tree() { local t=0 p; for p in "$1" $(pgrep -P "$1"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
for s in $ONLY; do
  port=$(free_port)
  echo "-- $s on 127.0.0.1:$port"
  start_proxy "$s" "$port"
  RSS0[$s]=$(tree_rss_mb "$SRV_PID" VmRSS)
  echo "          GET $ORIGIN -> $(node "$BENCH/lib/http-probe.mjs" "$port" "$ORIGIN")"
  echo "          GET $BLOCKED_URL (listed, gambling) -> $(node "$BENCH/lib/http-probe.mjs" "$port" "$BLOCKED_URL" 2>&1 || true)"
  [ "$s" = squid ] && grep -q 'emergency mode' "$WORK/sg/log/squidGuard.log" && die "squidGuard went into emergency mode under Squid: $(grep -m2 'FATAL\|ERROR' "$WORK/sg/log/squidGuard.log")"
  wrk -t"$THREADS" -c"$CONNS" -d5s -s "$WORK/proxy.lua" "http://127.0.0.1:$port/" > "$WORK/$s.warm" 2>&1
  echo "          wrk -t$THREADS -c$CONNS -d${DURATION}s --latency (after a 5 s warm-up; load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  c0=$(cpu_tree "$SRV_PID")
  wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency -s "$WORK/proxy.lua" "http://127.0.0.1:$port/" > "$WORK/$s.wrk" 2>&1
  c1=$(cpu_tree "$SRV_PID")
  RPS[$s]=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/$s.wrk")
  AVG[$s]=$(ms "$(awk '$1 == "Latency" && NF >= 4 { print $2; exit }' "$WORK/$s.wrk")")
  MAX[$s]=$(ms "$(awk '$1 == "Latency" && NF >= 4 { print $4; exit }' "$WORK/$s.wrk")")
  P50[$s]=$(ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$s.wrk")")
  P99[$s]=$(ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$s.wrk")")
  ERRS[$s]=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$WORK/$s.wrk")
  ERRS[$s]="${ERRS[$s]:-none}"
  CPU[$s]=$(awk -v a="$c0" -v b="$c1" -v t="$TICK" 'BEGIN { printf "%.1f", (b - a) / t }')
  RPC[$s]=$(awk -v r="${RPS[$s]}" -v d="$DURATION" -v c="${CPU[$s]}" 'BEGIN { if (c > 0) printf "%.0f", r * d / c; else print "n/a" }')
  RSS[$s]=$(tree_rss_mb "$SRV_PID")
  echo "          ${RPS[$s]} requests/s; latency avg ${AVG[$s]} ms, p50 ${P50[$s]} ms, p99 ${P99[$s]} ms, max ${MAX[$s]} ms; errors: ${ERRS[$s]}"
  echo "          CPU used by the proxy (and its helpers) ${CPU[$s]} s; VmHWM ${RSS[$s]} MB"
  kill "$SRV_PID"; wait "$SRV_PID" 2>/dev/null || true
  sleep 1
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
col() { printf '%-18s' "$1"; }
echo
echo "==== summary: HTTP proxy (GET of a 1 KB page, allowed; wrk -t$THREADS -c$CONNS -d${DURATION}s) ===="
printf '  %-30s' ""; for s in $ONLY; do col "$s"; done; echo
row() { local label="$1" arr="$2" unit="${3:-}"; printf '  %-30s' "$label"; for s in $ONLY; do local -n a="$arr"; col "${a[$s]}$unit"; done; echo; }
row "requests/s" RPS
row "latency average" AVG " ms"
row "latency p50" P50 " ms"
row "latency p99" P99 " ms"
row "CPU used (incl. helpers)" CPU " s"
row "requests per CPU-second" RPC
row "RSS when started" RSS0 " MB"
row "peak RSS (incl. helpers)" RSS " MB"
echo "  (Squid: 20 squidGuard helpers, concurrency 0; RSS is the sum of each process's VmHWM, so pages"
echo "   the helpers share, e.g. the mapped .db files, are counted once per helper)"
if [[ " $ONLY " == *" haven "* && " $ONLY " == *" squid "* ]]; then
  echo "  errors: haven ${ERRS[haven]}  squid ${ERRS[squid]}"
  echo "  ratio (Haven / peer): $(ratio "${RPS[haven]}" "${RPS[squid]}")× requests/s (goal ≥ 1.5×)"
fi
