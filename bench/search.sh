#!/usr/bin/env bash
# Search benchmark (not a test): for generated corpora of N documents, the
# index build time and memory, the index size, and per query in headless
# chromium the bytes the first query transfers and the answer time, plus
# recall on random substrings. Usage: bench/search.sh [N …] (default 10000 100000).
# Corpora are generated under $CORPORA (default /tmp/gongkai-corpora) and reused.
set -euo pipefail
# The summary lines are parsed in English.
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
[ $# -gt 0 ] || sizes=(10000 100000)
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
[ -x /usr/bin/chromium ] || { echo "installing Debian's chromium"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
[ -d tools/node_modules/playwright-core ] || (cd tools && npm ci --ignore-scripts --no-audit --no-fund)
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
for n in "${sizes[@]}"; do
  site="$corpora/native-$n"
  if [ ! -f "$site/site.yaml" ]; then
    echo "generating $n documents into $site"
    "$gencorpus" --docs "$n" --seed 1 --out "$site" >/dev/null
  fi
  echo "== $n documents"
  runs=()
  for i in 1 2 3; do
    GONGKAI_TIMINGS=1 /usr/bin/time -f "%e %M" -o "$corpora/time.txt" target/release/gongkai build --clean --root "$site" > "$corpora/build.txt"
    runs+=("$(cat "$corpora/time.txt") $(grep -o 'search [0-9.]*' "$corpora/build.txt" | tail -1 | cut -d' ' -f2)")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | {
    read -r wall kb index
    echo "full build (median of 3): ${wall} s wall, peak ${kb} KB; of which search index ${index} s"
  }
  grep -o '[0-9]* search shards ([^)]*)' "$corpora/build.txt"
  echo "index size on disk: $(du -sh "$site/public/search" | cut -f1) ($(find "$site/public/search" -type f | wc -l) files; texts for excerpts $(du -sh "$site/public/search/x" | cut -f1))"
  # The recall check holds every text in memory (about 2 GB at 100k).
  node --max-old-space-size=8192 bench/search-queries.mjs "$site/public"
done
