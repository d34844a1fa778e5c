#!/usr/bin/env bash
# Linear growth (not a test): full gongkai builds of two corpus sizes
# (default 10000 and 100000 documents), interleaved round by round so that
# the machine's drift hits both sizes alike. Prints each round's wall and
# CPU times and their ratio large / small, then the medians. The issue's
# target is a ratio of at most 11 for 10k → 100k.
#
# Each build is `--clean` into a new folder (as in bench/compare.sh: on ext4,
# creating files soon after deleting many costs more); the outputs are
# deleted at the end. Before the first round the page cache is dropped when
# running as root (a machine whose memory is full of earlier outputs has to
# reclaim pages for every file written, and large builds suffer most), both
# corpora are read once, and the script waits SETTLE seconds (default 65):
# ext4 without a journal skips inodes deleted in the last minute (five when
# their table is not yet written back) when it creates files, and a build
# started soon after deleting a large output took 2-3 times as long. Before
# each build the previous one's output is written back (`sync`, not timed),
# so that no build pays for the writeback of another.
#
# OUT=/dev/shm (a RAM-backed folder) writes the outputs there instead and
# deletes each one as soon as it is timed, so that every round meets the
# machine as the one before did. On the disk, outputs pile up round after
# round, and on these VMs (free page reporting) each build takes its page
# cache from memory the host has to supply again: the same 100k build's
# system time was seen to grow from 7.5 to 12.5 s over four rounds. Deleting
# outputs on ext4 instead costs the next builds far more (see above).
# Usage: bench/linear.sh [SMALL LARGE] (RUNS rounds, default 5; corpora from
# the gongkai-corpus crate, --seed 1, under $CORPORA).
set -euo pipefail
# The summary lines are parsed in English.
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-100000}
rounds=${RUNS:-5}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
gongkai="$PWD/target/release/gongkai"
for n in "$small" "$large"; do
  [ -d "$corpora/native-$n/content" ] ||
    "$gencorpus" --docs "$n" --seed 1 --out "$corpora/native-$n" > /dev/null
done
runs=$(mktemp -d "$corpora/linear-XXXXXX")
outputs=$runs
if [ -n "${OUT:-}" ]; then
  mkdir -p "$OUT"
  outputs=$(mktemp -d "$OUT/gongkai-linear-XXXXXX")
fi
trap 'rm -rf "$runs" "$outputs"' EXIT
if [ "$(id -u)" = 0 ] && [ -w /proc/sys/vm/drop_caches ]; then
  sync && echo 3 > /proc/sys/vm/drop_caches
fi
find "$corpora/native-$small/content" "$corpora/native-$large/content" -type f -exec cat {} + > /dev/null
sync
sleep "${SETTLE:-65}"

echo "machine: $(nproc) cores, $(uname -sr); $("$gongkai" --version); date: $(date -u +%Y-%m-%d); outputs in $(df --output=fstype "$outputs" | tail -1) ($outputs)"
printf '| round | %s wall (s) | %s CPU (s) | %s wall (s) | %s CPU (s) | wall ratio | CPU ratio |\n' \
  "$small" "$small" "$large" "$large"
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
: > "$runs/rows.txt"
for round in $(seq "$rounds"); do
  row=()
  for n in "$small" "$large"; do
    sync
    /usr/bin/time -f "%e %U %S" -o "$runs/time.txt" \
      "$gongkai" build --quiet --clean --root "$corpora/native-$n" --out "$outputs/$n-$round" > /dev/null
    row+=($(awk '{printf "%s %.2f", $1, $2 + $3}' "$runs/time.txt"))
    if [ -n "${OUT:-}" ]; then
      rm -rf "$outputs/$n-$round"
    fi
  done
  echo "${row[*]}" >> "$runs/rows.txt"
  echo "${row[*]}" | awk -v r="$round" '{printf "| %d | %s | %s | %s | %s | %.1f | %.1f |\n", r, $1, $2, $3, $4, $3 / $1, $4 / $2}'
done
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
wall=$(awk '{print $3 / $1}' "$runs/rows.txt" | median)
cpu=$(awk '{print $4 / $2}' "$runs/rows.txt" | median)
printf '\nmedian %s / %s: wall %.1f, CPU %.1f (target: at most 11 for 10k → 100k)\n' "$large" "$small" "$wall" "$cpu"
