#!/usr/bin/env bash
# Haven's DNS filter (`haven gateway --dns-listen`) against unbound and dnsmasq, measured with
# dnsperf: the same blocked names, allowed names served from cache, the same local upstream.
# See bench/README.md.   Knobs: BENCH_DNS_SECONDS=20 BENCH_DNS_CLIENTS=10 BENCH_DNS_OUTSTANDING=200
#   BENCH_DNS_LATENCY_QPS=5000 BENCH_DNS_LATENCY_SECONDS=10 BENCH_DNS_BLOCKED=50000 BENCH_DNS_ALLOWED=50000
#   BENCH_UNBOUND_THREADS=1 BENCH_DNS_ONLY="haven unbound dnsmasq"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SECONDS_MAX="${BENCH_DNS_SECONDS:-20}"
CLIENTS="${BENCH_DNS_CLIENTS:-10}"
OUTSTANDING="${BENCH_DNS_OUTSTANDING:-200}"
LAT_QPS="${BENCH_DNS_LATENCY_QPS:-5000}"
LAT_SECONDS="${BENCH_DNS_LATENCY_SECONDS:-10}"
N_BLOCKED="${BENCH_DNS_BLOCKED:-50000}"
N_ALLOWED="${BENCH_DNS_ALLOWED:-50000}"
SCHOOL="${BENCH_SCHOOL:-milford-haven}"
GROUP="${BENCH_GROUP:-ks3}"
ONLY="${BENCH_DNS_ONLY:-haven unbound dnsmasq}"

need dnsperf dnsperf
need unbound unbound
need /usr/sbin/dnsmasq dnsmasq-base
haven_setup

echo "== DNS filter: Haven vs unbound vs dnsmasq (dnsperf) =="
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(machine)"
echo "peers:    unbound $(unbound -V | sed -n 's/^Version //p'), dnsmasq $(/usr/sbin/dnsmasq --version | head -1 | awk '{print $3}'), dnsperf $(dnsperf -h 2>&1 | sed -n 's/^Version //p')"
echo "haven:    $(haven_version), run through $HAVEN_VIA"

echo "-- importing UT1 into Haven (temporary HAVEN_DATA_DIR)"
export HAVEN_DATA_DIR="$WORK/haven"
mkdir -p "$HAVEN_DATA_DIR"
"${HAVEN[@]}" lists import --format ut1 "$UT1_DIR" > "$WORK/import.txt"
echo "          $(head -1 "$WORK/import.txt")"

echo "-- choosing names"
GEN="$(node --import tsx "$BENCH/lib/gen-dns.ts" "$WORK" "$SCHOOL" "$GROUP" "$N_BLOCKED" "$N_ALLOWED")"
jget() { node -e "const v=JSON.parse(process.argv[1])[process.argv[2]]; console.log(typeof v === 'object' ? Object.entries(v).sort((a,b)=>b[1]-a[1]).map(([k,n])=>k+' '+n).join(', ') : v)" "$GEN" "$1"; }
echo "data:     $(jget blocked) blocked names: distinct UT1 domains (shuffled, seed 7) that Haven blocks for group $GROUP"
echo "          at any time (by Haven category: $(jget blockedByHavenCategory))"
echo "          $(jget allowed) allowed names: synthetic host names no list holds; query file $(jget queries) A queries,"
echo "          blocked and allowed alternating (50/50), replayed in a loop by dnsperf"
echo "          unbound: the blocked names as 'local-zone: \"<name>.\" always_nxdomain'; dnsmasq: 'address=/<name>/' (NXDOMAIN);"
echo "          Haven: every imported UT1 list ($(grep -o 'Imported [0-9]* entries' "$WORK/import.txt")), group $GROUP as --default-group;"
echo "          Haven answers blocked A queries with its block address (127.0.0.1), the policy's block mode, not NXDOMAIN"

UP_PORT=$(free_port)
node "$BENCH/lib/dns-upstream.mjs" "$UP_PORT" > "$WORK/upstream.log" 2>&1 &
UP_PID=$!; PIDS+=("$UP_PID")
wait_for 5 node "$BENCH/lib/dns-probe.mjs" "$UP_PORT" probe.example.com || die "the test upstream did not start"
upstream_count() { kill -USR1 "$UP_PID"; sleep 0.3; awk '/^queries/ { n = $2 } END { print n + 0 }' "$WORK/upstream.log"; }
echo "upstream: $BENCH/lib/dns-upstream.mjs on 127.0.0.1:$UP_PORT (every A query: 192.0.2.1, TTL 3600); all three forward to it"

write_unbound_conf() {
  cat > "$WORK/unbound.conf" <<CONF
server:
  interface: 127.0.0.1
  port: $1
  num-threads: ${BENCH_UNBOUND_THREADS:-1}
  do-ip6: no
  do-daemonize: no
  username: ""
  chroot: ""
  directory: "$WORK"
  pidfile: ""
  use-syslog: no
  logfile: ""
  verbosity: 0
  access-control: 127.0.0.0/8 allow
  do-not-query-localhost: no
  module-config: "iterator"
  msg-cache-size: 64m
  rrset-cache-size: 128m
  so-rcvbuf: 4m
  include: "$WORK/unbound-blocked.conf"
forward-zone:
  name: "."
  forward-addr: 127.0.0.1@$UP_PORT
CONF
  unbound-checkconf "$WORK/unbound.conf" >/dev/null || die "unbound-checkconf failed"
}

write_dnsmasq_conf() {
  cat > "$WORK/dnsmasq.conf" <<CONF
port=$1
listen-address=127.0.0.1
bind-interfaces
no-resolv
no-hosts
no-poll
pid-file=
user=root
server=127.0.0.1#$UP_PORT
cache-size=100000
conf-file=$WORK/dnsmasq-blocked.conf
CONF
}

start_server() { # <name> <port>: starts it, sets SRV_PID
  local name="$1" port="$2"
  case "$name" in
    haven)
      "${HAVEN[@]}" gateway --school "$SCHOOL" --dns-listen "127.0.0.1:$port" --upstream "127.0.0.1:$UP_PORT" \
        --default-group "$GROUP" --block-address 127.0.0.1 --block-listen "127.0.0.1:$(free_port)" \
        > "$WORK/haven.log" 2>&1 &
      ;;
    unbound)
      write_unbound_conf "$port"
      unbound -d -c "$WORK/unbound.conf" > "$WORK/unbound.log" 2>&1 &
      ;;
    dnsmasq)
      write_dnsmasq_conf "$port"
      /usr/sbin/dnsmasq --keep-in-foreground --conf-file="$WORK/dnsmasq.conf" > "$WORK/dnsmasq.log" 2>&1 &
      ;;
  esac
  SRV_PID=$!; PIDS+=("$SRV_PID")
  wait_for 60 node "$BENCH/lib/dns-probe.mjs" "$port" probe.example.com \
    || die "$name did not answer on 127.0.0.1:$port: $(tail -5 "$WORK/$name.log")"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
BLOCKED_ONE="$(head -1 "$WORK/blocked.txt")"
ALLOWED_ONE="$(head -1 "$WORK/warm.txt" | cut -d' ' -f1)"
declare -A QPS AVG P50 P99 RSS LOST UPQ CPU RC LQPS QPC RSS0
for s in $ONLY; do
  port=$(free_port)
  echo "-- $s on 127.0.0.1:$port"
  start_server "$s" "$port"
  RSS0[$s]=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SRV_PID/status")
  echo "          $BLOCKED_ONE -> $(node "$BENCH/lib/dns-probe.mjs" "$port" "$BLOCKED_ONE"); $ALLOWED_ONE -> $(node "$BENCH/lib/dns-probe.mjs" "$port" "$ALLOWED_ONE")"
  # Warm-up: every allowed name once (fills the cache), then 5 s of the mixed file.
  dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/warm.txt" -n 1 -c 4 -Q 20000 > "$WORK/$s.warm1" 2>&1
  dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l 5 -c "$CLIENTS" -q "$OUTSTANDING" > "$WORK/$s.warm2" 2>&1
  up0=$(upstream_count); c0=$(cpu_ticks "$SRV_PID")
  echo "          max-throughput run: ${SECONDS_MAX}s, -c $CLIENTS -q $OUTSTANDING, no -Q (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l "$SECONDS_MAX" -c "$CLIENTS" -q "$OUTSTANDING" > "$WORK/$s.max" 2>&1
  c1=$(cpu_ticks "$SRV_PID")
  QPS[$s]=$(awk '/Queries per second/ { printf "%.0f", $4 }' "$WORK/$s.max")
  AVG[$s]=$(awk '/Average Latency/ { printf "%.3f", $4 * 1000 }' "$WORK/$s.max")
  LOST[$s]=$(awk '/Queries lost/ { print $3 }' "$WORK/$s.max")
  RC[$s]=$(sed -n 's/^ *Response codes: *//p' "$WORK/$s.max")
  CPU[$s]=$(awk -v a="$c0" -v b="$c1" -v t="$TICK" 'BEGIN { printf "%.1f", (b - a) / t }')
  QPC[$s]=$(awk -v q="${QPS[$s]}" -v d="$SECONDS_MAX" -v c="${CPU[$s]}" 'BEGIN { if (c > 0) printf "%.0f", q * d / c; else print "n/a" }')
  echo "          ${QPS[$s]} qps, average latency ${AVG[$s]} ms, lost ${LOST[$s]}, ${RC[$s]}; server CPU ${CPU[$s]} s"
  echo "          latency run: ${LAT_SECONDS}s at a fixed $LAT_QPS qps, every query's latency (dnsperf -v)"
  dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l "$LAT_SECONDS" -c "$CLIENTS" -q "$OUTSTANDING" -Q "$LAT_QPS" -v > "$WORK/$s.lat" 2>&1
  awk '/^> / { print $NF }' "$WORK/$s.lat" | sort -g > "$WORK/$s.lat.sorted"
  n=$(wc -l < "$WORK/$s.lat.sorted")
  pct() { local k; k=$(awk -v n="$n" -v p="$1" 'BEGIN { k = int(n * p + 0.999999); if (k < 1) k = 1; print k }'); sed -n "${k}p" "$WORK/$s.lat.sorted" | awk '{ printf "%.3f", $1 * 1000 }'; }
  P50[$s]=$(pct 0.50); P99[$s]=$(pct 0.99)
  LQPS[$s]=$(awk '/Queries per second/ { printf "%.0f", $4 }' "$WORK/$s.lat")
  up1=$(upstream_count)
  UPQ[$s]=$((up1 - up0))
  RSS[$s]=$(vmhwm_mb "$SRV_PID")
  echo "          $n answers at ${LQPS[$s]} qps: p50 ${P50[$s]} ms, p99 ${P99[$s]} ms; upstream queries during both runs: ${UPQ[$s]}; VmHWM ${RSS[$s]} MB"
  kill "$SRV_PID"; wait "$SRV_PID" 2>/dev/null || true
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
col() { printf '%-14s' "$1"; }
echo
echo "==== summary: DNS ($(jget blocked) blocked + $(jget allowed) allowed names, 50/50, allowed from cache) ===="
echo "  (one process each; unbound num-threads ${BENCH_UNBOUND_THREADS:-1}; dnsperf -c $CLIENTS -q $OUTSTANDING on the same machine)"
printf '  %-34s' ""; for s in $ONLY; do col "$s"; done; echo
row() { local label="$1" arr="$2" unit="${3:-}"; printf '  %-34s' "$label"; for s in $ONLY; do local -n a="$arr"; col "${a[$s]}$unit"; done; echo; }
row "qps (max, ${SECONDS_MAX}s)" QPS
row "average latency at max qps" AVG " ms"
row "p50 latency at $LAT_QPS qps" P50 " ms"
row "p99 latency at $LAT_QPS qps" P99 " ms"
row "server CPU during the max run" CPU " s"
row "queries per CPU-second" QPC
row "RSS when started (VmRSS)" RSS0 " MB"
row "peak RSS (VmHWM)" RSS " MB"
row "queries lost (max run)" LOST
row "upstream queries while measured" UPQ
if [[ " $ONLY " == *" haven "* ]]; then
  for p in unbound dnsmasq; do
    [[ " $ONLY " == *" $p "* ]] || continue
    goal="goal ≥ 1.0×, with p99 and RSS no worse"; [ "$p" = unbound ] || goal="no goal set; for reference"
    echo "  ratio (Haven / $p): $(ratio "${QPS[haven]}" "${QPS[$p]}")× qps ($goal); p99 ${P99[haven]} vs ${P99[$p]} ms; RSS ${RSS[haven]} vs ${RSS[$p]} MB"
  done
fi
