#!/usr/bin/env bash
# What depending on smooch-client costs a user's build: a small bot on smooch-client
# (examples/smooch_bot.rs: one client, one post_message, default features) against the same bot
# written with reqwest, serde and tokio alone (examples/reqwest_bot.rs), built as a new user
# would: a project of its own, a debug build (cargo's default dev profile), the workspace's
# Cargo.lock (the same versions of every shared dependency).
#
#   bash tests/bench/build-cost.sh
#
# Each round builds both bots cold (an empty target directory, every dependency compiled), then
# makes a one-line edit to each bot's source (its message text) and rebuilds it, EDITS times.
# The bots alternate within a round, which one goes first alternating between rounds. Prints the
# medians and ratios (smooch / reqwest): of the medians and the median of the rounds' paired
# ratios. Lower is better; the goal is at most 1.10 for both.
#
# smooch-client is a path dependency here; it is built with incremental compilation off, as a
# dependency from crates.io is, so that only the bot itself is compiled incrementally in both.
#
# Knobs (env): RUNS=3 EDITS=3 JOBS=<cargo -j, default all cores> TIMINGS=1 (cargo --timings on
# the cold builds; reports in WORK/<bot>/target/cargo-timings/) WORK=<dir> (default
# target/build-cost). Needs the dependencies in cargo's cache or network (fetched before timing).
# A cold build takes 1 to 3 minutes on a 2-core machine: the default run takes about 15.
set -euo pipefail
source "$(dirname "$0")/common.sh"

RUNS="${RUNS:-3}"
EDITS="${EDITS:-3}"
WORK="${WORK:-$TARGET/build-cost}"
JOBS="${JOBS:-$(nproc)}"
BOTS="smooch reqwest"
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR CARGO_INCREMENTAL RUSTFLAGS

manifest() {
  case $1 in
    smooch) cat <<TOML
smooch-client = { path = "$ROOT/smooch-client" }
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
for bot in $BOTS; do
  dir="$WORK/$bot"
  rm -rf "$dir"
  mkdir -p "$dir/src"
  cp "$ROOT/tests/bench/examples/${bot}_bot.rs" "$dir/src/main.rs"
  cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
  {
    printf '[package]\nname = "%s-bot"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n' "$bot"
    printf '# Not a member of the workspace this directory sits in.\n[workspace]\n\n[dependencies]\n'
    manifest "$bot"
  } >"$dir/Cargo.toml"
  (cd "$dir" && cargo fetch -q)
done
# Every crate a bot builds is one of the workspace's lock, at the same version.
versions() { awk '/^name = /{n=$3} /^version = /{print n, $3}' "$1" | sort -u; }
for bot in $BOTS; do
  extra="$(comm -23 <(versions "$WORK/$bot/Cargo.lock") <(versions "$ROOT/Cargo.lock") | grep -v "^\"$bot-bot\" " || true)"
  [ -z "$extra" ] || { echo "the $bot bot's lock has versions the workspace's has not: $extra" >&2; exit 1; }
done

# seconds CMD...: runs CMD, prints how long it took
seconds() {
  local t0 t1
  t0="$(date +%s%N)"
  "$@" >/dev/null 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; exit 1; }
  t1="$(date +%s%N)"
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1e9}'
}

build() { (cd "$WORK/$1" && cargo build --offline -j "$JOBS" --target-dir "$WORK/$1/target" ${2:-}); }

echo -e "round\tbot\tkind\tsecs" >"$WORK/builds.tsv"
for round in $(seq "$RUNS"); do
  order="$BOTS"
  [ $((round % 2)) = 0 ] && order="reqwest smooch"
  for bot in $order; do
    rm -rf "$WORK/$bot/target"
    timings=""
    [ "${TIMINGS:-0}" = 1 ] && timings="--timings"
    s="$(seconds build "$bot" "$timings")"
    echo -e "$round\t$bot\tcold\t$s" >>"$WORK/builds.tsv"
    echo "round $round $bot: cold ${s}s" >&2
    for edit in $(seq "$EDITS"); do
      sed -i "s/^const TEXT: &str = .*/const TEXT: \&str = \"Your order has shipped ($round.$edit).\";/" \
        "$WORK/$bot/src/main.rs"
      s="$(seconds build "$bot")"
      echo -e "$round\t$bot\tedit\t$s" >>"$WORK/builds.tsv"
      echo "round $round $bot: rebuild after an edit ${s}s" >&2
    done
  done
done

python3 - "$WORK/builds.tsv" "$(provenance)" "$RUNS" "$EDITS" "$JOBS" <<'PY'
import csv, statistics, sys
from collections import defaultdict
path, prov, runs, edits, jobs = sys.argv[1:6]
rows = list(csv.DictReader(open(path), delimiter="\t"))
by = defaultdict(list)          # (bot, kind) -> secs
per_round = defaultdict(list)   # (round, bot, kind) -> secs
for r in rows:
    by[(r["bot"], r["kind"])].append(float(r["secs"]))
    per_round[(r["round"], r["bot"], r["kind"])].append(float(r["secs"]))
print(f"Build cost, {prov}; {runs} rounds, {edits} edits each, -j {jobs}, debug builds")
print()
print("| build | smooch bot | reqwest bot | ratio of medians | median paired ratio |")
print("|---|---:|---:|---:|---:|")
for kind, label in (("cold", "cold"), ("edit", "after a one-line edit")):
    s, q = statistics.median(by[("smooch", kind)]), statistics.median(by[("reqwest", kind)])
    rounds = sorted({r["round"] for r in rows})
    paired = [statistics.median(per_round[(r, "smooch", kind)]) / statistics.median(per_round[(r, "reqwest", kind)]) for r in rounds]
    print(f"| {label} | {s:.2f} s | {q:.2f} s | {s / q:.2f}x | {statistics.median(paired):.2f}x |")
print()
print("Each bot's times (s): " + "; ".join(
    f"{bot} {kind} " + " ".join(f"{x:.2f}" for x in by[(bot, kind)])
    for bot in ("smooch", "reqwest") for kind in ("cold", "edit")))
PY
