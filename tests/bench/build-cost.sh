#!/usr/bin/env bash
# What depending on smooch-client costs a user's build: a small bot on smooch-client
# (examples/smooch_bot.rs: one client, one post_message, default features) against the same bot
# written with reqwest, serde and tokio alone (examples/reqwest_bot.rs), built as a new user
# would: a project of its own, a debug build (cargo's default dev profile), the workspace's
# Cargo.lock (the same version of every crate both use).
#
#   bash tests/bench/build-cost.sh
#
# Each round builds both bots cold (an empty target directory: every dependency compiled), then
# EDITS times makes a one-line edit to each bot's source (its message text) and rebuilds it. The
# two bots take turns, the first alternating between rounds. Prints the medians of the wall
# times and of the CPU times (user + system, of cargo and everything it ran), and the ratios
# smooch / reqwest: of the medians, and the median of the rounds' paired ratios. Lower is
# better; the goal is at most 1.10x for both builds.
#
# smooch-client is a path dependency here; it is built with incremental compilation off, as a
# dependency from crates.io is, so that only the bot itself is compiled incrementally in both.
#
# Knobs (env): RUNS=3 EDITS=3 JOBS=<cargo -j, default: all cores>
#   COLD=0         skip the cold builds (each round brings the bots up to date untimed)
#   TIMINGS=1      cargo --timings on the cold builds (WORK/<bot>/target/cargo-timings/)
#   PROJECT=<dir>  the checkout whose smooch-client and Cargo.lock are measured (default: this
#                  one), to compare two versions with the same script
#   WORK=<dir>     where the bots are built (default: target/build-cost)
#   FEATURES=<a,b> smooch-client's features instead of its defaults (e.g. FEATURES=default-tls:
#                  without API v2)
# Dependencies are fetched before timing (cargo's cache or network). A cold build takes 2 to 4
# minutes on a 2-core machine: the default run takes about 25.
set -euo pipefail
source "$(dirname "$0")/common.sh"

RUNS="${RUNS:-3}"
EDITS="${EDITS:-3}"
JOBS="${JOBS:-$(nproc)}"
COLD="${COLD:-1}"
PROJECT="$(cd "${PROJECT:-$ROOT}" && pwd)"
WORK="${WORK:-$TARGET/build-cost}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
SMOOCH_FEATURES=""
if [ -n "${FEATURES:-}" ]; then
  SMOOCH_FEATURES=", default-features = false, features = [\"${FEATURES//,/\", \"}\"]"
fi
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR CARGO_INCREMENTAL RUSTFLAGS
[ -x /usr/bin/time ] || { echo "build-cost.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

manifest() {
  case $1 in
    smooch) cat <<TOML
smooch-client = { path = "$PROJECT/smooch-client"$SMOOCH_FEATURES }
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

# As from crates.io: dependencies are not compiled incrementally.
[profile.dev.package.smooch-client]
incremental = false

[profile.dev.package.smooch-macros]
incremental = false
TOML
    ;;
    reqwest) cat <<TOML
reqwest = "0.13"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
TOML
    ;;
  esac
}

# A project of its own for each bot, with the workspace's lock (cargo drops what it does not use).
for bot in smooch reqwest; do
  dir="$WORK/$bot"
  mkdir -p "$dir/src"
  cp "$ROOT/tests/bench/examples/${bot}_bot.rs" "$dir/src/main.rs"
  cp "$PROJECT/Cargo.lock" "$dir/Cargo.lock"
  {
    printf '[package]\nname = "%s-bot"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n' "$bot"
    printf '# Not a member of the workspace this directory sits in.\n[workspace]\n\n[dependencies]\n'
    manifest "$bot"
  } >"$dir/Cargo.toml"
  (cd "$dir" && cargo fetch -q)
done
# Every crate a bot builds is one of the workspace's lock, at the same version.
versions() { awk '/^name = /{n=$3} /^version = /{print n, $3}' "$1" | sort -u; }
for bot in smooch reqwest; do
  extra="$(comm -23 <(versions "$WORK/$bot/Cargo.lock") <(versions "$PROJECT/Cargo.lock") |
    grep -v "^\"$bot-bot\" " || true)"
  [ -z "$extra" ] || { echo "the $bot bot's lock has versions the workspace's has not: $extra" >&2; exit 1; }
done

# timed BOT [CARGO ARGS]: builds BOT; prints "wall cpu" in seconds
timed() {
  local bot=$1
  shift
  (cd "$WORK/$bot" && /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" \
    cargo build --offline -j "$JOBS" --target-dir "$WORK/$bot/target" "$@" >/dev/null 2>"$WORK/last.err") ||
    { cat "$WORK/last.err" >&2; exit 1; }
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$WORK/time.txt"
}

# record ROUND BOT KIND "WALL CPU"
record() {
  echo -e "$1\t$2\t$3\t${4% *}\t${4#* }" >>"$WORK/builds.tsv"
  echo "round $1 $2 $3: wall ${4% *} s, cpu ${4#* } s" >&2
}

echo -e "round\tbot\tkind\twall\tcpu" >"$WORK/builds.tsv"
for round in $(seq "$RUNS"); do
  order="smooch reqwest"
  [ $((round % 2)) = 0 ] && order="reqwest smooch"
  for bot in $order; do
    if [ "$COLD" = 1 ]; then
      rm -rf "$WORK/$bot/target"
      timings=()
      [ "${TIMINGS:-0}" = 1 ] && timings=(--timings)
      record "$round" "$bot" cold "$(timed "$bot" "${timings[@]}")"
    else
      timed "$bot" >/dev/null
    fi
  done
  for edit in $(seq "$EDITS"); do
    for bot in $order; do
      sed -i "s/^const TEXT: &str = .*/const TEXT: \&str = \"Your order has shipped ($round.$edit).\";/" \
        "$WORK/$bot/src/main.rs"
      record "$round" "$bot" edit "$(timed "$bot")"
    done
  done
done

python3 - "$WORK/builds.tsv" "$(provenance)" "$PROJECT" "$RUNS" "$EDITS" "$JOBS" <<'PY'
import csv, statistics, sys
from collections import defaultdict
path, prov, project, runs, edits, jobs = sys.argv[1:7]
rows = list(csv.DictReader(open(path), delimiter="\t"))
by = defaultdict(list)          # (bot, kind, measure) -> seconds
per_round = defaultdict(list)   # (round, bot, kind, measure) -> seconds
for r in rows:
    for m in ("wall", "cpu"):
        by[(r["bot"], r["kind"], m)].append(float(r[m]))
        per_round[(r["round"], r["bot"], r["kind"], m)].append(float(r[m]))
rounds = sorted({r["round"] for r in rows})
print(f"Build cost, {prov}; smooch-client from {project}; {runs} rounds, {edits} edits each, -j {jobs}, debug builds")
print()
print("| build | | smooch bot | reqwest bot | ratio of medians | median paired ratio |")
print("|---|---|---:|---:|---:|---:|")
for kind, label in (("cold", "cold"), ("edit", "after a one-line edit")):
    for m in ("wall", "cpu"):
        if not by[("smooch", kind, m)]:
            continue
        s, q = statistics.median(by[("smooch", kind, m)]), statistics.median(by[("reqwest", kind, m)])
        paired = [statistics.median(per_round[(r, "smooch", kind, m)]) / statistics.median(per_round[(r, "reqwest", kind, m)]) for r in rounds]
        print(f"| {label} | {m} | {s:.2f} s | {q:.2f} s | {s / q:.2f}x | {statistics.median(paired):.2f}x |")
print()
for bot in ("smooch", "reqwest"):
    for kind in ("cold", "edit"):
        if by[(bot, kind, "wall")]:
            print(f"- {bot} {kind}, wall (s): " + " ".join(f"{x:.2f}" for x in by[(bot, kind, "wall")]))
PY
