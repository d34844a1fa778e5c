#!/usr/bin/env bash
# Portal benchmark (not a test): M member sites of N documents each, made
# by the repository's corpus generator (seed = the member's number) and
# built, then a portal with all of them as `sources:` (folders; levels
# 省/市/县/乡 in turn). Prints the portal's full build (wall, peak memory,
# documents, output size, search index size), the bytes and time of first
# queries in headless chromium (NO_QUERIES=1 skips them), and a one-document
# change: the member's rebuild, then the portal's, each timed.
# Usage: bench/portal.sh [M] [N]   (default 10 members × 10000 = 100k;
# 100 10000 is the province of issue 29). Members are kept under
# $CORPORA/portal-M-N (default /tmp/gongkai-corpora) and reused. Member 1
# is kept whole (the benchmark edits it); the others are kept as a
# harvester would download them, `catalogue.json` and `search/` only, in
# `m<i>/published` (a 100-member province needs ~6 GB for them, not 30).
set -euo pipefail
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
m=${1:-10}
n=${2:-10000}
corpora=${CORPORA:-/tmp/gongkai-corpora}
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gongkai="$PWD/target/release/gongkai"
work="$corpora/portal-$m-$n"
levels=(省 市 县 乡)
if [ ! -f "$work/members.done" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  for i in $(seq 1 "$m"); do
    target/release/gencorpus --docs "$n" --seed "$i" --out "$work/m$i" > /dev/null
    "$gongkai" build --quiet --root "$work/m$i" 2> /dev/null
    if [ "$i" -gt 1 ]; then
      mkdir "$work/m$i/published"
      mv "$work/m$i/public/catalogue.json" "$work/m$i/public/search" "$work/m$i/published/"
      rm -rf "$work/m$i/public" "$work/m$i/content" "$work/m$i/.gongkai" "$work/m$i/site.yaml"
    fi
  done
  touch "$work/members.done"
fi
portal="$work/portal"
if [ -d "$portal" ]; then
  # Creating files on ext4 right after deleting a large output is several
  # times slower here (bench/RESULTS.md): let the disk settle first.
  rm -rf "$portal"
  sync
  sleep "${SETTLE:-90}"
fi
mkdir -p "$portal/content"
{
  echo "title: 某省政务公开"
  echo "base_url: https://www.example.gov.cn/"
  echo "categories:"
  echo '  - { code: "02", name: 政策文件 }'
  echo "sources:"
  for i in $(seq 1 "$m"); do
    echo "  - { name: 成员单位$i, level: ${levels[$((i % 4))]}, code: m$i, folder: ../m$i$([ "$i" -gt 1 ] && echo /published) }"
  done
} > "$portal/site.yaml"
timed() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; cat "$work/time.txt"; }
echo "== portal of $m members × $n documents"
read -r wall kb < <(GONGKAI_TIMINGS=1 timed "$gongkai" build --root "$portal")
echo "full build: ${wall} s wall, peak $((kb / 1024)) MB"
grep -E '^(built|  )' "$work/out.txt" | head -20 || true
echo "documents: $(grep -o '"index_number"' "$portal/public/catalogue.json" | wc -l)"
echo "output: $(du -sm "$portal/public" | cut -f1) MB in $(find "$portal/public" -type f | wc -l) files; search index $(du -sm "$portal/public/search" | cut -f1) MB (texts $(du -sm "$portal/public/search/x" | cut -f1) MB); copies of the members $(du -sm "$portal/.gongkai/sources" | cut -f1) MB"
if [ -z "${NO_QUERIES:-}" ]; then
  [ -d tools/node_modules/playwright-core ] || (cd tools && npm ci --ignore-scripts --no-audit --no-fund)
  NO_RECALL=1 node bench/search-queries.mjs "$portal/public"
fi
# One document of member 1 changed, the member rebuilt, then the portal.
doc=$(find "$work/m1/content" -name '*.md' | sort | sed -n 1p)
cp "$doc" "$work/original.md"
printf '\n本段为基准测试追加的更正内容。\n' >> "$doc"
read -r wall kb < <(timed "$gongkai" build --root "$work/m1")
echo "one change, member rebuild: ${wall} s, peak $((kb / 1024)) MB"
read -r wall kb < <(GONGKAI_TIMINGS=1 timed "$gongkai" build --root "$portal")
echo "one change, portal rebuild: ${wall} s, peak $((kb / 1024)) MB"
grep -E '^(built|  )' "$work/out.txt" | head -20 || true
cp "$work/original.md" "$doc"
"$gongkai" build --quiet --root "$work/m1" 2> /dev/null
