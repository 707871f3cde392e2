# Sourced by the benchmark scripts beside it: where things are, what machine and commit a
# figure comes from, and the local server.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# cargo's target directory for this workspace (CARGO_TARGET_DIR and .cargo/config.toml included).
TARGET="$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps --locked |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$TARGET" ] || { echo "cannot find cargo's target directory" >&2; exit 1; }
BIN="$TARGET/bench-release"

# One line naming the commit, the machine and the toolchain, for every figure written down.
provenance() {
  local rev dirty
  rev="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  dirty="$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | head -1)"
  echo "commit ${rev}${dirty:+ (modified)}; $(uname -sr), $(nproc) cores," \
    "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //');" \
    "$(rustc --version)"
}

# Builds the server and both clients (profile bench-release: release, 1 codegen unit, thin LTO).
build_bench() {
  (cd "$ROOT" && cargo build --locked -q -p smooch-bench --profile bench-release --bins)
}

# start_server LOGFILE: starts bench-server on a free port; sets SERVER_PID and BASE.
start_server() {
  local log=$1
  "$BIN/bench-server" 0 --threads "${SERVER_THREADS:-1}" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do
    grep -q '^listening on ' "$log" 2>/dev/null && break
    sleep 0.05
  done
  BASE="$(sed -n 's/^listening on //p' "$log" | head -1)"
  [ -n "$BASE" ] || { echo "bench-server did not start: $(cat "$log")" >&2; exit 1; }
}
