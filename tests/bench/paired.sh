#!/usr/bin/env bash
# Paired throughput: smooch-client (bench-ours) against the hand-written reqwest client
# (bench-reference), both calling one local bench-server, back to back in every repetition.
#
#   bash tests/bench/paired.sh
#
# For each endpoint (get_messages, post_message) and mode (seq: 1 call in flight, SEQ_N calls;
# conc: CONC_C in flight, CONC_N calls), REPS repetitions each run both clients, the order
# alternating between repetitions. Per run it records calls/s, errors, the server's CPU time
# (from /proc) and the client's (/usr/bin/time, where installed). summarize.py prints the
# medians and the paired ratio (each repetition's ours / reference, median over repetitions;
# higher is better) with the commit and machine. Never compare absolute calls/s across runs.
#
# Knobs (env): REPS=5 SEQ_N=5000 CONC_N=25000 CONC_C=32 SERVER_THREADS=1
#              ENDPOINTS="get_messages post_message" MODES="seq conc"
#              OUT=<dir> (default: target/bench-results/paired-<UTC time>)
# Needs: Linux (/proc), python3. Takes about 5 minutes once built on a 2-core machine.
set -euo pipefail
source "$(dirname "$0")/common.sh"

REPS="${REPS:-5}"
SEQ_N="${SEQ_N:-5000}"
CONC_N="${CONC_N:-25000}"
CONC_C="${CONC_C:-32}"
ENDPOINTS="${ENDPOINTS:-get_messages post_message}"
MODES="${MODES:-seq conc}"
OUT="${OUT:-$TARGET/bench-results/paired-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/log.txt" >&2; }

build_bench
{
  echo "$(provenance)"
  echo "REPS=$REPS SEQ_N=$SEQ_N CONC_N=$CONC_N CONC_C=$CONC_C SERVER_THREADS=${SERVER_THREADS:-1}"
} >"$OUT/env.txt"

start_server "$OUT/server.log"
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
log "bench-server pid $SERVER_PID at $BASE"
TICK="$(getconf CLK_TCK)"
server_cpu() { awk -v t="$TICK" '{printf "%.2f", ($14+$15)/t}' "/proc/$SERVER_PID/stat"; }
HAVE_TIME=0
[ -x /usr/bin/time ] && HAVE_TIME=1

# run_one CLIENT ENDPOINT N C: sets R_RPS R_ERR R_SECS R_SCPU R_CCPU; appends the output to runs.log
run_one() {
  local client=$1 endpoint=$2 n=$3 c=$4 out s0 s1 tf
  tf="$(mktemp)"
  s0="$(server_cpu)"
  if [ "$HAVE_TIME" = 1 ]; then
    out="$(/usr/bin/time -f 'CLIENTCPU %U %S' -o "$tf" timeout 300 "$BIN/bench-$client" "$BASE" "$endpoint" "$n" "$c" 2>&1)" || true
  else
    out="$(timeout 300 "$BIN/bench-$client" "$BASE" "$endpoint" "$n" "$c" 2>&1)" || true
  fi
  s1="$(server_cpu)"
  printf '### %s %s n=%s c=%s\n%s\n' "$client" "$endpoint" "$n" "$c" "$out" >>"$OUT/runs.log"
  R_RPS="$(grep -o 'rps=[0-9.]*' <<<"$out" | tail -1 | cut -d= -f2)"
  R_ERR="$(grep -o 'errors=[0-9]*' <<<"$out" | tail -1 | cut -d= -f2)"
  R_SECS="$(grep -o 'secs=[0-9.]*' <<<"$out" | tail -1 | cut -d= -f2)"
  R_SCPU="$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.2f", b-a}')"
  R_CCPU="$(awk '/^CLIENTCPU/{printf "%.2f", $2+$3}' "$tf" 2>/dev/null)"
  rm -f "$tf"
  if [ -z "$R_RPS" ]; then
    log "FAILED: $client $endpoint n=$n c=$c: $(tail -3 <<<"$out" | tr '\n' ' ')"
    exit 1
  fi
  : "${R_ERR:=NA}" "${R_SECS:=NA}" "${R_CCPU:=NA}"
}

echo -e "endpoint\tmode\tc\trep\tdriver\tn\tsecs\trps\terrors\tserver_cpu_s\tclient_cpu_s" >"$OUT/runs.tsv"
for endpoint in $ENDPOINTS; do
  for mode in $MODES; do
    if [ "$mode" = seq ]; then c=1; n=$SEQ_N; else c=$CONC_C; n=$CONC_N; fi
    for rep in $(seq "$REPS"); do
      order="reference ours"
      [ $((rep % 2)) = 0 ] && order="ours reference"
      for client in $order; do
        run_one "$client" "$endpoint" "$n" "$c"
        echo -e "$endpoint\t$mode\t$c\t$rep\t$client\t$n\t$R_SECS\t$R_RPS\t$R_ERR\t$R_SCPU\t$R_CCPU" >>"$OUT/runs.tsv"
        log "$endpoint $mode rep$rep $client: n=$n $R_RPS calls/s errors=$R_ERR server_cpu=${R_SCPU}s client_cpu=${R_CCPU}s"
      done
    done
  done
done

{
  echo "Paired throughput, $(head -1 "$OUT/env.txt")"
  echo
  python3 "$(dirname "$0")/summarize.py" "$OUT/runs.tsv" reference
} >"$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
