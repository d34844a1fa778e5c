#!/usr/bin/env bash
# Linear growth counted in instructions (not a test): one full gongkai build
# of each of two corpus sizes (default 10000 and 100000 documents) under
# valgrind's callgrind, which counts the instructions executed. The count
# does not depend on the machine's load, its caches or its memory, so it
# shows whether gongkai's own work grows linearly where wall times on a
# shared VM vary by 10-20 % from one build to the next (bench/linear.sh).
# Prints each size's count, the ratio and the documents' ratio, and the
# functions whose count grew most beyond the documents' ratio.
# Takes about 100 s per 10,000 documents (valgrind runs one thread, ~50x
# slower). Needs valgrind (installed with apt-get when missing and root).
# Usage: bench/instructions.sh [SMALL LARGE] (corpora as in linear.sh, under
# $CORPORA; outputs in $OUT, default a temporary folder).
set -euo pipefail
# The summary lines are parsed in English.
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-100000}
corpora=${CORPORA:-/tmp/gongkai-corpora}
if ! command -v valgrind > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing valgrind (apt-get)" >&2
    apt-get install -y -qq valgrind > /dev/null
  else
    echo "valgrind is needed: apt-get install valgrind" >&2
    exit 1
  fi
fi
mkdir -p "$corpora"
cargo build --profile profiling --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
gongkai="$PWD/target/profiling/gongkai"
work=$(mktemp -d "${OUT:-${TMPDIR:-/tmp}}/gongkai-instructions-XXXXXX")
trap 'rm -rf "$work"' EXIT
declare -A count docs
for n in "$small" "$large"; do
  [ -d "$corpora/native-$n/content" ] ||
    "$gencorpus" --docs "$n" --seed 1 --out "$corpora/native-$n" > /dev/null
  valgrind --tool=callgrind --callgrind-out-file="$work/$n.out" \
    "$gongkai" build --clean --root "$corpora/native-$n" --out "$work/site-$n" \
    > "$work/$n.log" 2> "$work/$n.err"
  count[$n]=$(grep -o 'refs: *[0-9,]*' "$work/$n.err" | tr -dc '0-9')
  docs[$n]=$(grep -o 'built [0-9]* documents' "$work/$n.log" | tr -dc '0-9')
  rm -rf "$work/site-$n"
  echo "$n: ${docs[$n]} documents published, ${count[$n]} instructions"
done
python3 - "$work/$small.out" "$work/$large.out" "${docs[$small]}" "${docs[$large]}" \
  "${count[$small]}" "${count[$large]}" <<'PY'
import re, subprocess, sys
def functions(path):
    out = subprocess.run(["callgrind_annotate", "--auto=no", "--inclusive=no", "--threshold=100", path],
                         capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if m and "PROGRAM TOTALS" not in line:
            name = re.sub(r"\s*\[[^\]]*\]$", "", m.group(2)).split(":", 1)[-1]
            table[name] = table.get(name, 0) + int(m.group(1).replace(",", ""))
    return table
small, large = functions(sys.argv[1]), functions(sys.argv[2])
k = int(sys.argv[4]) / int(sys.argv[3])
print(f"instructions: {int(sys.argv[6]) / int(sys.argv[5]):.2f} x for {k:.2f} x the documents")
rows = sorted(((large.get(f, 0) - k * small.get(f, 0), f) for f in set(small) | set(large)), reverse=True)
print("grew most beyond the documents' ratio (instructions in the large build above", f"{k:.2f} x the small one's):")
for excess, f in rows[:10]:
    print(f"  {excess / 1e6:9.0f} M  {f[:100]}")
PY
