# Shared by the bench/*.sh scripts: sourced, not run. Needs bash 4+.
# Sets REPO (repository root) and BENCH (bench folder); provides need(), haven_setup(), timers,
# process tracking with cleanup, and machine information.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$REPO/bench"
export NODE_OPTIONS="${NODE_OPTIONS:-}"
cd "$REPO"

die() { echo "bench: ERROR: $*" >&2; exit 1; }

APT_UPDATED=0
# need <command> <debian-package>: installs the package with apt-get when the command is missing.
need() {
  local cmd="$1" pkg="$2"
  if command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ]; then return 0; fi
  echo "bench: $cmd not found; installing Debian package $pkg" >&2
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "$cmd is missing and this is not root (install $pkg)"
    SUDO=sudo
  else
    SUDO=
  fi
  if [ "$APT_UPDATED" = 0 ]; then
    $SUDO apt-get update -qq >&2 || die "apt-get update failed; install $pkg by hand"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$pkg" >&2 \
    || die "could not install $pkg (needed for $cmd)"
  command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ] || die "$pkg installed but $cmd is still missing"
}

need node nodejs
[ -d "$REPO/node_modules/tsx" ] || die "tsx is not in node_modules: run npm ci in the repository first"

# Temporary folder and the processes this script started; both are cleaned up on exit.
WORK="$(mktemp -d -t haven-bench.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
# seconds between two now_ns values, 3 decimals
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# wait_for <seconds> <command...>: polls until the command succeeds.
wait_for() {
  local limit="$1"; shift
  local end=$(( $(date +%s) + limit ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || return 1
    sleep 0.2
  done
}

# Peak resident memory of a running process, in MB (VmHWM).
vmhwm_mb() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

machine() {
  local model
  model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "$(nproc) CPU(s), ${model:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo) RAM, $(uname -sr), Node $(node --version)"
}

UT1_DIR="$(node -e "import('$BENCH/lib/ut1.mjs').then(m => console.log(m.findUt1Dir())).catch(e => { console.error(e.message); process.exit(1) })")" \
  || die "UT1 lists not found: set HAVEN_UT1_DIR"

# haven_setup: sets the HAVEN array to the command that runs Haven, and HAVEN_VIA to a description.
# The CLI (node packages/cli/bin/haven.js) is used when it starts; otherwise a stand-in built from
# the same modules (bench/lib/haven-direct.ts), and the output says so.
haven_setup() {
  local probe
  if probe="$(node packages/cli/bin/haven.js filter groups --school milford-haven --json 2>&1)"; then
    HAVEN=(node packages/cli/bin/haven.js)
    HAVEN_VIA="the haven CLI (node packages/cli/bin/haven.js)"
  else
    HAVEN=(node --import tsx bench/lib/haven-direct.ts)
    HAVEN_VIA="bench/lib/haven-direct.ts (same modules as the CLI; the CLI did not start here: $(echo "$probe" | grep -m1 -E 'Error|error' | cut -c1-160))"
  fi
}

haven_version() {
  echo "Haven $(node -p "require('./packages/gateway/package.json').version") ($(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo 'no git')$(git -C "$REPO" diff --quiet HEAD -- packages 2>/dev/null || echo ', with uncommitted changes'))"
}
