# Sourced. squidguard_setup <dir> <redirect-url>: writes <dir>/squidGuard.conf with every UT1
# category folder as a dest (domainlist and urllist where present; expressions are not used, as
# Haven does not import them) and a default acl that blocks them all, links the lists into
# <dir>/db (the UT1 folder is never written to), and builds the Berkeley DB files (squidGuard -C all).
# Sets SG_CONF, SG_DESTS, SG_BUILD_S.
squidguard_setup() {
  local dir="$1" redirect="$2" d c body dests=()
  mkdir -p "$dir/db" "$dir/log"
  SG_CONF="$dir/squidGuard.conf"
  { echo "dbhome $dir/db"; echo "logdir $dir/log"; echo; } > "$SG_CONF"
  for d in "$UT1_DIR"/*/; do
    c="$(basename "$d")"
    body=""
    mkdir -p "$dir/db/$c"
    if [ -f "$d/domains" ]; then ln -sf "$d/domains" "$dir/db/$c/domains"; body+="  domainlist $c/domains"$'\n'; fi
    if [ -f "$d/urls" ]; then ln -sf "$d/urls" "$dir/db/$c/urls"; body+="  urllist $c/urls"$'\n'; fi
    [ -n "$body" ] || continue
    dests+=("!$c")
    printf 'dest %s {\n%s}\n' "$c" "$body" >> "$SG_CONF"
  done
  printf 'acl {\n  default {\n    pass %s all\n    redirect %s\n  }\n}\n' "${dests[*]}" "$redirect" >> "$SG_CONF"
  SG_DESTS=${#dests[@]}
  local t0 t1
  t0=$(now_ns)
  squidGuard -c "$SG_CONF" -C all >/dev/null 2>&1 || die "squidGuard -C all failed (see $dir/log)"
  t1=$(now_ns)
  SG_BUILD_S=$(secs "$t0" "$t1")
  grep -q 'ERROR\|FATAL' "$dir/log/squidGuard.log" && die "squidGuard reported errors: $(grep -m3 'ERROR\|FATAL' "$dir/log/squidGuard.log")"
  return 0
}

squidguard_version() { squidGuard -v 2>&1 | head -1; }
