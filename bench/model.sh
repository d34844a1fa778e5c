#!/usr/bin/env bash
# The cost of the document model (not a test): for each size N (default
# 10000), the same generated corpus (seed 1) twice — plain, and with the
# rest of the model (`gencorpus --model`: 发布日期 and 施行日期 and two
# declared facets, an enumeration and a list; SUBJECTS=1 adds 主题分类
# from the preset) —
# built by gongkai in alternating rounds (RUNS, default 5), full builds
# (output and cache removed first), once into memory (/dev/shm) and once
# onto the disk ($CORPORA). Prints the median wall time of each and the
# median of the per-round ratios model / plain. With BASELINE set to
# another gongkai binary (say the commit before the model: `git worktree
# add /tmp/old <commit> && (cd /tmp/old && cargo build --release)`), each
# round also builds the plain corpus with it, and the table adds its time
# and the ratio model / baseline-plain. KEEP_OUTPUTS=1 leaves every build's
# output in place until the end (as compare.sh does) instead of deleting
# each round's: on a disk mounted with `discard` a build that follows a
# large deletion spends seconds of kernel time that are the disk's, not
# the build's. Usage: bench/model.sh [N …]
set -euo pipefail
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -gt 0 ] || sizes=(10000)
rounds=${RUNS:-5}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
gongkai="$PWD/target/release/gongkai"
memory=$(mktemp -d /dev/shm/gongkai-model-XXXXXX)
trap 'rm -rf "$memory" "$corpora"/model-out-*' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Wall seconds of one full build of site $1 into $2 (by binary $3, else gongkai).
build() {
  rm -rf "$1/.gongkai" "$2"
  sync
  local start end
  start=$(date +%s.%N)
  "${3:-$gongkai}" build --quiet --root "$1" --out "$2" 2> /dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

if [ -n "${BASELINE:-}" ]; then
  echo "| documents | where | baseline plain (s) | plain (s) | model (s) | model / plain | model / baseline plain |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
else
  echo "| documents | where | plain (s) | model (s) | model / plain |"
  echo "| --- | --- | --- | --- | --- |"
fi
for n in "${sizes[@]}"; do
  plain="$corpora/native-$n"
  if [ -n "${SUBJECTS:-}" ]; then
    model="$corpora/model-subjects-$n"
    [ -d "$model" ] || "$gencorpus" --docs "$n" --seed 1 --out "$model" --model --subjects > /dev/null 2>&1
  else
    model="$corpora/model-$n"
    [ -d "$model" ] || "$gencorpus" --docs "$n" --seed 1 --out "$model" --model > /dev/null 2>&1
  fi
  [ -d "$plain" ] || "$gencorpus" --docs "$n" --seed 1 --out "$plain" > /dev/null 2>&1
  for where in memory disk; do
    out=$memory
    [ "$where" = disk ] && out="$corpora"
    : > "$memory/p" ; : > "$memory/m" ; : > "$memory/r" ; : > "$memory/b" ; : > "$memory/rb"
    for round in $(seq "$rounds"); do
      # The builds of a round in turns (base, plain, model; then plain,
      # model, base …): on the disk the first build after the previous
      # round's outputs were deleted is the slow one, and no variant
      # should always be that one.
      variants=(plain model)
      [ -z "${BASELINE:-}" ] || variants=(base plain model)
      shift_by=$(( round % ${#variants[@]} ))
      variants=("${variants[@]:shift_by}" "${variants[@]:0:shift_by}")
      for v in "${variants[@]}"; do
        # A folder of its own per round when outputs are kept.
        suffix=""
        [ -z "${KEEP_OUTPUTS:-}" ] || suffix="-$round"
        case $v in
          base) b=$(build "$plain" "$out/model-out-base$suffix" "$BASELINE") ;;
          plain) p=$(build "$plain" "$out/model-out-plain$suffix") ;;
          model) m=$(build "$model" "$out/model-out-model$suffix") ;;
        esac
      done
      [ -z "${BASELINE:-}" ] || echo "$b" >> "$memory/b"
      echo "$p" >> "$memory/p"
      echo "$m" >> "$memory/m"
      awk -v a="$m" -v b="$p" 'BEGIN { printf "%.4f\n", a / b }' >> "$memory/r"
      [ -z "${BASELINE:-}" ] || awk -v a="$m" -v b="$b" 'BEGIN { printf "%.4f\n", a / b }' >> "$memory/rb"
      [ -n "${KEEP_OUTPUTS:-}" ] || rm -rf "$out/model-out-plain" "$out/model-out-model" "$out/model-out-base"
    done
    rm -rf "$out"/model-out-*
    if [ -n "${BASELINE:-}" ]; then
      printf '| %s | %s | %.2f | %.2f | %.2f | %.3f | %.3f |\n' "$n" "$where" "$(median < "$memory/b")" \
        "$(median < "$memory/p")" "$(median < "$memory/m")" "$(median < "$memory/r")" "$(median < "$memory/rb")"
    else
      printf '| %s | %s | %.2f | %.2f | %.3f |\n' "$n" "$where" \
        "$(median < "$memory/p")" "$(median < "$memory/m")" "$(median < "$memory/r")"
    fi
  done
done
