#!/usr/bin/env bash
# `gongkai deploy` to a folder target (not a test): a generated corpus of N
# documents (default 10000) built, deployed into an empty folder, one
# document edited, built and deployed again. Prints the files and bytes
# each deploy sent and its wall time, with the target folder in memory
# (/dev/shm) and on the disk ($CORPORA). Usage: bench/deploy.sh [N]
set -euo pipefail
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
n=${1:-10000}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gongkai="$PWD/target/release/gongkai"
work=$(mktemp -d "$corpora/deploy-XXXXXX")
memory=$(mktemp -d /dev/shm/gongkai-deploy-XXXXXX)
trap 'rm -rf "$work" "$memory"' EXIT
site="$work/site"
target/release/gencorpus --docs "$n" --seed 1 --out "$site" > /dev/null
"$gongkai" build --quiet --root "$site"
# A published document: one with a page.
page=$(find "$site/public/docs" -name '*.html' | sort | sed -n 1p)
doc=$(find "$site/content" -name "$(basename "$page" .html).md" | sed -n 1p)
cp "$doc" "$work/original.md"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
echo "| documents | target | deploy | files sent | MB sent | unchanged | seconds |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: |"
for where in memory disk; do
  folder="$memory/www"
  [ "$where" = disk ] && folder="$work/www"
  cp "$work/original.md" "$doc"
  "$gongkai" build --quiet --root "$site"
  printf 'deploy:\n  targets:\n    - { name: bench, folder: "%s" }\n' "$folder" > "$work/deploy.yaml"
  grep -v '^deploy:' "$site/site.yaml" | sed '/^  targets:/,$d' > "$work/site.yaml"
  cat "$work/site.yaml" "$work/deploy.yaml" > "$site/site.yaml"
  sync
  for round in first one-edit; do
    if [ "$round" = one-edit ]; then
      sed -i 's/^title: \(.*\)$/title: \1（修订）/' "$doc"
      "$gongkai" build --quiet --root "$site"
      sync
    fi
    start=$(date +%s.%N)
    line=$("$gongkai" deploy --root "$site" | grep '^deployed')
    end=$(date +%s.%N)
    files=$(echo "$line" | sed -E 's/.*: ([0-9]+) files uploaded.*/\1/')
    mb=$(echo "$line" | sed -E 's/.*uploaded \(([0-9.]+) MB\).*/\1/')
    unchanged=$(echo "$line" | sed -E 's/.*, ([0-9]+) unchanged.*/\1/')
    echo "| $n | $where | $round | $files | $mb | $unchanged | $(seconds "$start" "$end") |"
  done
done
