#!/usr/bin/env bash
# One-document rebuilds (not a test): for each size N, copies the generated
# corpus (target/release/gencorpus --docs N --seed 1, cached under
# $CORPORA) into a scratch site, builds it once, then RUNS times (default 5)
# appends a paragraph to a different published document and rebuilds,
# printing each rebuild's summary with stage times (GONGKAI_TIMINGS=1) and
# the median wall time; then RUNS rebuilds with nothing changed, and RUNS
# with every content file touched but none changed. The last rebuild's
# output is compared with a `--clean` build of the same content (they must be byte-identical).
# Usage: bench/rebuild.sh [N …] (default 10000 50000).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -gt 0 ] || sizes=(10000 50000)
rounds=${RUNS:-5}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
gongkai="$PWD/target/release/gongkai"
scratch=$(mktemp -d "$corpora/rebuild-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# One timed rebuild of $site: its wall time goes to walls.txt, its summary
# (with stage times) is printed after the label.
timed() {
  local start end summary
  start=$(date +%s.%N)
  summary=$(GONGKAI_TIMINGS=1 GONGKAI_LANG=en "$gongkai" build --root "$site" 2> /dev/null)
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}' >> "$scratch/walls.txt"
  echo "$1: ${summary##* into }"
}
# The median of the rebuilds timed since the last report.
report() {
  local median
  median=$(sort -n "$scratch/walls.txt" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  echo "$1 $median s over $rounds $2"
  : > "$scratch/walls.txt"
}
: > "$scratch/walls.txt"

for n in "${sizes[@]}"; do
  native="$corpora/native-$n"
  [ -d "$native" ] || "$gencorpus" --docs "$n" --seed 1 --out "$native" > /dev/null
  site="$scratch/site-$n"
  cp -r "$native" "$site"
  rm -rf "$site/public" "$site/.gongkai"
  "$gongkai" build --quiet --root "$site" 2> /dev/null
  # The first build wrote a whole site: let the disk take it before timing
  # the rebuilds (a webmaster edits minutes later, not within milliseconds).
  sync
  mapfile -t published < <(grep -L -e '^draft: true' -e '依申请公开' -e '不予公开' -r "$site/content" --include='*.md' | sort)
  for round in $(seq 1 "$rounds"); do
    file=${published[$((round * 997 % ${#published[@]}))]}
    printf '\n第%s次修改：补充一段说明。\n' "$round" >> "$file"
    timed "$n docs, edit $round"
  done
  report "$n docs: median one-edit rebuild" "edits"
  # Nothing changed: the rebuild of `gongkai build` run again, or of a CI
  # runner that keeps its checkout and .gongkai/ between commits that do
  # not touch the site. The last build's report is given again.
  for round in $(seq 1 "$rounds"); do
    timed "$n docs, unchanged $round"
  done
  report "$n docs: median unchanged rebuild" "builds"
  # Every file touched, nothing changed (what a fresh checkout looks like:
  # new modification times): the parse cache and the replay both go by
  # size and time, so this is a whole load with every page kept.
  for round in $(seq 1 "$rounds"); do
    find "$site/content" -type f -exec touch {} +
    timed "$n docs, all touched $round"
  done
  report "$n docs: median rebuild with every file touched" "builds"
  # The clean build goes over a copy of the output: it keeps the output's
  # record of when each document last changed (history, not cache), which
  # dates the edited documents in the feeds and exports.
  cp -r "$site/public" "$scratch/clean-$n"
  "$gongkai" build --quiet --clean --root "$site" --out "$scratch/clean-$n" 2> /dev/null
  if diff -r "$site/public" "$scratch/clean-$n" > /dev/null; then
    echo "$n docs: output identical to a clean build"
  else
    echo "$n docs: output DIFFERS from a clean build"
    diff -rq "$site/public" "$scratch/clean-$n" | head -5
  fi
done
