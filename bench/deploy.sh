#!/usr/bin/env bash
# `gongkai deploy` (not a test): a generated corpus of N documents (default
# 10000) built, deployed to an empty target, one document edited, built and
# deployed again, then deployed once more with nothing changed. Targets: a
# folder in memory (/dev/shm) and on the disk ($CORPORA), and a bucket on a
# local S3 server (examples/s3-server.rs: s3s-fs on 127.0.0.1, its buckets
# in /dev/shm). Prints the files and bytes each deploy sent and its wall
# time, and gongkai's own CPU time (the local S3 server lists a prefix by
# walking its whole folder for each page of 1000 keys, so at 10k the
# bucket's listing is its time, not gongkai's); for the bucket, also the
# objects the server holds.
# Usage: bench/deploy.sh [N]
set -euo pipefail
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
n=${1:-10000}
corpora=${CORPORA:-/tmp/gongkai-corpora}
mkdir -p "$corpora"
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
cargo build --release --locked -q --example s3-server
gongkai="$PWD/target/release/gongkai"
work=$(mktemp -d "$corpora/deploy-XXXXXX")
memory=$(mktemp -d /dev/shm/gongkai-deploy-XXXXXX)
server=
trap 'rm -rf "$work" "$memory"; [ -n "$server" ] && kill "$server" 2>/dev/null || true' EXIT
site="$work/site"
target/release/gencorpus --docs "$n" --seed 1 --out "$site" > /dev/null
"$gongkai" build --quiet --root "$site"
# A published document: one with a page.
page=$(find "$site/public/docs" -name '*.html' | sort | sed -n 1p)
doc=$(find "$site/content" -name "$(basename "$page" .html).md" | sed -n 1p)
cp "$doc" "$work/original.md"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
echo "| documents | target | deploy | files sent | MB sent | unchanged | seconds | gongkai CPU s |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
for where in memory disk bucket; do
  folder="$memory/www"
  [ "$where" = disk ] && folder="$work/www"
  cp "$work/original.md" "$doc"
  "$gongkai" build --quiet --root "$site" 2>/dev/null
  if [ "$where" = bucket ]; then
    mkdir -p "$memory/s3/zwgk"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    target/release/examples/s3-server "$memory/s3" "$port" benchkey benchsecret > /dev/null &
    server=$!
    for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    export AWS_ACCESS_KEY_ID=benchkey AWS_SECRET_ACCESS_KEY=benchsecret
    printf 'deploy:\n  targets:\n    - name: bench\n      s3: { endpoint: "http://127.0.0.1:%s", bucket: zwgk, prefix: site, path_style: true }\n' "$port" > "$work/deploy.yaml"
  else
    printf 'deploy:\n  targets:\n    - { name: bench, folder: "%s" }\n' "$folder" > "$work/deploy.yaml"
  fi
  grep -v '^deploy:' "$site/site.yaml" | sed '/^  targets:/,$d' > "$work/site.yaml"
  cat "$work/site.yaml" "$work/deploy.yaml" > "$site/site.yaml"
  sync
  for round in first one-edit unchanged; do
    if [ "$round" = one-edit ]; then
      sed -i 's/^title: \(.*\)$/title: \1（修订）/' "$doc"
      "$gongkai" build --quiet --root "$site" 2>/dev/null
      sync
    fi
    start=$(date +%s.%N)
    line=$(/usr/bin/time -o "$work/cpu" -f '%U %S' "$gongkai" deploy --root "$site" 2>/dev/null | grep "^deployed")
    end=$(date +%s.%N)
    files=$(echo "$line" | sed -E 's/.*: ([0-9]+) files uploaded.*/\1/')
    mb=$(echo "$line" | sed -E 's/.*uploaded \(([0-9.]+) MB\).*/\1/')
    unchanged=$(echo "$line" | sed -E 's/.*, ([0-9]+) unchanged.*/\1/')
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/cpu")
    echo "| $n | $where | $round | $files | $mb | $unchanged | $(seconds "$start" "$end") | $cpu |"
  done
done
held=$(find "$memory/s3/zwgk/site" -type f ! -name '.gongkai-deploy' | wc -l)
echo
echo "The bucket holds $held objects; public/ has $(find "$site/public" -type f ! -name '.*' | wc -l) files."
