#!/usr/bin/env bash
# Paired one-edit rebuilds of two gongkai binaries (not a test): each gets
# its own copy of the generated corpus (target/release/gencorpus --docs N
# --seed 1, cached under $CORPORA), builds it once, then for ROUNDS rounds
# (default 7) the same paragraph is appended to the same published
# document in both copies and both rebuild, in alternating order. Prints
# each rebuild's wall time and stage times (GONGKAI_TIMINGS=1), both
# medians and the median of the per-round ratios new/old: on a noisy
# machine the pairs say more than two separate runs. The copies live in
# PLACE (default: a folder under $CORPORA, on the disk; /dev/shm for
# memory). At the end both outputs are compared: two binaries that ship
# the same theme must leave identical outputs.
# Usage: bench/pair.sh OLD-BINARY NEW-BINARY [N]   (N default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/pair.sh OLD-BINARY NEW-BINARY [N]" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
n=${3:-50000}
rounds=${ROUNDS:-7}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
native="$corpora/native-$n"
if [ ! -d "$native" ]; then
  cargo build --release --locked -q -p gongkai-corpus
  target/release/gencorpus --docs "$n" --seed 1 --out "$native" > /dev/null
fi
scratch=$(mktemp -d "${PLACE:-$corpora}/pair-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for side in old new; do
  cp -r "$native" "$scratch/$side"
  rm -rf "$scratch/$side/public" "$scratch/$side/.gongkai"
  binary=$old
  [ "$side" = new ] && binary=$new
  "$binary" build --quiet --root "$scratch/$side" 2> /dev/null
done
sync
mapfile -t published < <(cd "$scratch/old" && grep -L -e '^draft: true' -e '依申请公开' -e '不予公开' -r content --include='*.md' | sort)

# One timed rebuild: appends "side wall" to walls.txt and prints the stages.
timed() {
  local side=$1 binary=$2 start end summary
  start=$(date +%s.%N)
  summary=$(GONGKAI_TIMINGS=1 GONGKAI_LANG=en "$binary" build --root "$scratch/$side" 2> /dev/null)
  end=$(date +%s.%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
  echo "$side $wall" >> "$scratch/walls.txt"
  echo "  $side $wall s ${summary##*in }"
}
for round in $(seq 1 "$rounds"); do
  file=${published[$((round * 997 % ${#published[@]}))]}
  for side in old new; do
    printf '\n第%s次修改：补充一段说明。\n' "$round" >> "$scratch/$side/$file"
  done
  echo "round $round: $file"
  if [ $((round % 2)) -eq 1 ]; then
    timed old "$old"; timed new "$new"
  else
    timed new "$new"; timed old "$old"
  fi
done
awk '
  { wall[$1, ++count[$1]] = $2 }
  function median(side,   i, j, t, a, k) {
    k = count[side]
    for (i = 1; i <= k; i++) a[i] = wall[side, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((k + 1) / 2)]
  }
  END {
    for (i = 1; i <= count["old"]; i++) r[i] = wall["new", i] / wall["old", i]
    k = count["old"]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
    printf "median one-edit rebuild: old %.3f s, new %.3f s; median paired ratio new/old %.3f over %d rounds\n", median("old"), median("new"), r[int((k + 1) / 2)], k
  }' "$scratch/walls.txt"
if diff -rq "$scratch/old/public" "$scratch/new/public" > "$scratch/diff.txt"; then
  echo "outputs: identical"
else
  echo "outputs: $(wc -l < "$scratch/diff.txt") files differ, as: $(head -2 "$scratch/diff.txt" | tr '\n' ' ')"
fi
