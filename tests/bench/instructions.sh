#!/usr/bin/env bash
# Instructions per call: smooch-client (bench-ours) against the hand-written reqwest client
# (bench-reference), under valgrind's callgrind. Deterministic: repeated runs agree to about
# 0.03 %, whatever else the machine is doing.
#
#   bash tests/bench/instructions.sh
#
# Each client makes N1 and then N2 sequential calls (1 in flight, current-thread runtime) to a
# local bench-server, and
#   instructions per call = (Ir(N2) - Ir(N1)) / (N2 - N1)
# which removes start-up, TLS set-up, building the client and the warm-up. Prints both counts
# and the ratio ours / reference for post_message and get_messages (lower is better), and exits
# 1 when a ratio, at two decimals, is over MAX_POST / MAX_GET (default 1.00: the bar is the
# reference's cost).
#
# Then API v2's post_message and list_messages through the same client, against its own v1.1
# counts (v2/v1.1, bar MAX_V2, default 1.00).
#
# Knobs (env): N1=1000 N2=2000 MAX_POST=1.00 MAX_GET=1.00 MAX_V2=1.00 KEEP=<dir> (keep the callgrind files)
# Needs valgrind (Debian/Ubuntu: apt-get install valgrind; Fedora: dnf install valgrind; macOS:
# not supported, use a Linux VM or container). About 2 to 5 minutes once built.
set -euo pipefail
source "$(dirname "$0")/common.sh"

N1="${N1:-1000}"
N2="${N2:-2000}"
fail() { echo "instructions: FAIL: $*" >&2; exit 1; }
command -v valgrind >/dev/null || fail "valgrind is not installed (apt-get install valgrind)"
[ "$N2" -gt "$N1" ] || fail "N2 ($N2) must be more than N1 ($N1)"

build_bench
WORK="${KEEP:-$(mktemp -d)}"
mkdir -p "$WORK"
start_server "$WORK/server.log"
cleanup() { kill "$SERVER_PID" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# ir CLIENT ENDPOINT N: the instructions of one whole run (every thread)
ir() {
  local client=$1 endpoint=$2 n=$3 out file
  file="$WORK/callgrind.$client.$endpoint.$n"
  out="$(valgrind --tool=callgrind --callgrind-out-file="$file" \
    "$BIN/bench-$client" "$BASE" "$endpoint" "$n" 1 2>"$file.err")" ||
    fail "$client $endpoint N=$n exited non-zero: $(tail -3 "$file.err")"
  grep -q ' errors=0 ' <<<"$out" || fail "$client $endpoint N=$n had errors: $out"
  awk '/^(summary|totals):/ {print $2; exit}' "$file"
}

echo "instructions per call, $(provenance)"
declare -A PER OURS
pass=1
summary=()
for endpoint in post_message get_messages; do
  for client in reference ours; do
    a="$(ir "$client" "$endpoint" "$N1")"
    b="$(ir "$client" "$endpoint" "$N2")"
    PER[$client]="$(awk -v a="$a" -v b="$b" -v d=$((N2 - N1)) 'BEGIN{printf "%.0f", (b-a)/d}')"
    echo "  $client $endpoint: Ir(N=$N1)=$a Ir(N=$N2)=$b -> ${PER[$client]} per call"
  done
  OURS[$endpoint]="${PER[ours]}"
  ratio="$(awk -v o="${PER[ours]}" -v r="${PER[reference]}" 'BEGIN{printf "%.2f", o/r}')"
  echo "  $endpoint ours/reference: $(awk -v o="${PER[ours]}" -v r="${PER[reference]}" \
    'BEGIN{printf "%.4f (%+d per call)", o/r, o-r}')"
  max="${MAX_POST:-1.00}"
  [ "$endpoint" = get_messages ] && max="${MAX_GET:-1.00}"
  awk -v r="$ratio" -v m="$max" 'BEGIN{exit !(r + 0 <= m + 0)}' || pass=0
  summary+=("$endpoint $ratio (${PER[ours]} vs ${PER[reference]})")
done
echo "instructions per call, ours/reference: ${summary[0]}; ${summary[1]}"

# API v2 through the same client: its bar is the v1.1 call's cost (MAX_V2, default 1.00).
for pair in v2_post_message:post_message v2_list_messages:get_messages; do
  v2="${pair%%:*}" v1="${pair##*:}"
  a="$(ir ours "$v2" "$N1")"
  b="$(ir ours "$v2" "$N2")"
  per="$(awk -v a="$a" -v b="$b" -v d=$((N2 - N1)) 'BEGIN{printf "%.0f", (b-a)/d}')"
  ratio="$(awk -v o="$per" -v r="${OURS[$v1]}" 'BEGIN{printf "%.2f", o/r}')"
  echo "  ours $v2: Ir(N=$N1)=$a Ir(N=$N2)=$b -> $per per call; v2/v1.1 ($v1): $ratio"
  awk -v r="$ratio" -v m="${MAX_V2:-1.00}" 'BEGIN{exit !(r + 0 <= m + 0)}' || pass=0
  summary+=("$v2/$v1 $ratio ($per vs ${OURS[$v1]})")
done
echo "instructions per call, v2/v1.1 (ours): ${summary[2]}; ${summary[3]}"
[ "$pass" = 1 ] || fail "a ratio is over its bar (MAX_POST=${MAX_POST:-1.00}, MAX_GET=${MAX_GET:-1.00}, MAX_V2=${MAX_V2:-1.00})"
