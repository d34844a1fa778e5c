#!/usr/bin/env bash
# gongkai against Hugo and Hugo + Pagefind on the same generated corpora (not
# a test: slow). For each size N, RUNS rounds (default 3); each round builds
# the native corpus with gongkai (full build: pages, search index, exports;
# output and cache removed first), then the `--format hugo` corpus with
# `hugo`, then with `hugo && pagefind --site public`. Prints, per tool, the
# medians of wall time, CPU time and peak memory, the output size, and the
# median of the per-round ratios gongkai / tool (rounds are paired, so drift
# of the machine cancels). Usage: bench/compare.sh [N …] (default 1000 10000).
# Corpora are generated under $CORPORA (default /tmp/gongkai-corpora) and
# reused; Hugo (apt-get) and Pagefind (npm, into $CORPORA/tools) are
# installed when missing. A Pagefind run longer than $PAGEFIND_TIMEOUT
# seconds (default 900) is reported as not finished; above $PAGEFIND_MAX_DOCS
# documents (default 20000) it is not run (it needs about 0.7 GB per 1,000
# documents and would exhaust the machine).
#
# Each size is measured in two places in the same run: the disk under
# $CORPORA, and memory ($TMPFS, default /dev/shm); PLACES="disk" or
# PLACES="tmpfs" measures one. Each round also times `cp -r` of gongkai's
# output to a new folder in the same place: the cost of creating those
# files, the floor a build's writing cannot go under. The table lists the
# files each tool wrote, and a line per size and place on stderr gives
# gongkai's time minus cp's and its files per page.
#
# On the disk, every build writes into a new folder, and all outputs are deleted only when
# every size has run (outputs of an earlier run are moved aside first and
# deleted at the end too): on ext4, creating files within minutes of deleting
# many costs several times more (the inode allocator skips recently deleted
# inodes), which would measure the file system's state rather than the tools.
# The outputs of 1k–100k take about 20 GB until then. Before each build the
# previous one's output is written back (`sync`, not timed), so that no
# build pays for the writeback of another.
set -euo pipefail
# The summary lines are parsed in English.
export GONGKAI_LANG=en
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -gt 0 ] || sizes=(1000 10000)
rounds=${RUNS:-3}
corpora=${CORPORA:-/tmp/gongkai-corpora}
tools="$corpora/tools"
mkdir -p "$corpora" "$tools"

if ! command -v hugo > /dev/null; then
  echo "Hugo is missing: installing it (apt-get install hugo)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo > /dev/null
fi
pagefind="$tools/node_modules/.bin/pagefind"
need_pagefind=
for n in "${sizes[@]}"; do [ "$n" -le "${PAGEFIND_MAX_DOCS:-20000}" ] && need_pagefind=1; done
if [ -n "$need_pagefind" ] && [ ! -x "$pagefind" ]; then
  echo "Pagefind is missing: installing it (npm install pagefind into $tools)"
  (cd "$tools" && { [ -f package.json ] || echo '{"private":true}' > package.json; } && npm install --no-audit --no-fund --silent pagefind > /dev/null)
fi
cargo build --release --locked -q
cargo build --release --locked -q -p gongkai-corpus
gencorpus="$PWD/target/release/gencorpus"
gongkai="$PWD/target/release/gongkai"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "versions: $("$gongkai" --version), $(hugo version | cut -d' ' -f1-2), pagefind $([ -x "$pagefind" ] && "$pagefind" --version 2> /dev/null | awk '{print $NF}' || echo 'not used')"
echo "date: $(date -u +%Y-%m-%d)"

# measure FILE CMD…: appends "wall cpu peak_kb" of CMD to FILE ("- - -" if it
# failed or timed out).
measure() {
  local file=$1
  shift
  sync
  if /usr/bin/time -f "%e %U %S %M" -o "$corpora/time.txt" "$@" > "$corpora/out.txt" 2>&1; then
    awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$corpora/time.txt" >> "$file"
  else
    echo "  failed or timed out: $*" >&2
    tail -3 "$corpora/out.txt" >&2
    echo "- - -" >> "$file"
  fi
}
# median COLUMN FILE: the median of a column, ignoring failed runs.
median() {
  awk -v c="$1" '$c != "-" {print $c}' "$2" | sort -g | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]; else print "-"}'
}
# ratios FILE_A FILE_B: the median over rounds of wall(A) / wall(B).
ratio() {
  paste -d' ' "$1" "$2" | awk '$1 != "-" && $4 != "-" && $4 > 0 {print $1 / $4}' | sort -g |
    awk '{a[NR] = $1} END {if (NR) printf "%.2f", a[int((NR + 1) / 2)]; else print "-"}'
}

# Medians of this run only (the 100k / 10k line below reads them).
rm -f "$corpora"/gongkai-wall-*.txt
disk_runs="$corpora/runs"
tmpfs_runs="${TMPFS:-/dev/shm}/gongkai-runs-$$"
trash="$corpora/trash-$$"
if [ -d "$disk_runs" ]; then mv "$disk_runs" "$trash"; fi
trap 'rm -rf "$disk_runs" "$tmpfs_runs" "$trash"' EXIT
places=${PLACES:-disk tmpfs}

printf '\n| docs | written to | tool | wall (s) | CPU (s) | peak memory (MB) | output (MB) | files | gongkai / tool (wall) |\n'
printf '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for n in "${sizes[@]}"; do
  native="$corpora/native-$n"
  hugo_site="$corpora/hugo-$n"
  for format in native hugo; do
    dir="$corpora/$format-$n"
    if [ ! -d "$dir/content" ]; then
      echo "generating $n documents ($format) into $dir" >&2
      "$gencorpus" --docs "$n" --seed 1 --format "$format" --out "$dir" > /dev/null
    fi
  done
  for place in $places; do
    case $place in
      disk) out="$disk_runs/$n" ;;
      tmpfs) out="$tmpfs_runs/$n" ;;
      *) echo "unknown place $place (disk or tmpfs)" >&2; exit 2 ;;
    esac
    rm -f "$corpora"/{g,h,hp,cp}.txt
    rm -rf "$hugo_site/resources"
    mkdir -p "$out"
    for round in $(seq "$rounds"); do
      measure "$corpora/g.txt" "$gongkai" build --quiet --clean --root "$native" --out "$out/gongkai-$round"
      # The floor: copying gongkai's own output onto the same place.
      measure "$corpora/cp.txt" cp -r "$out/gongkai-$round" "$out/cp-$round"
      measure "$corpora/h.txt" hugo --quiet --source "$hugo_site" --destination "$out/hugo-$round"
      if [ "$n" -le "${PAGEFIND_MAX_DOCS:-20000}" ]; then
        measure "$corpora/hp.txt" timeout "${PAGEFIND_TIMEOUT:-900}" sh -c \
          "hugo --quiet --source '$hugo_site' --destination '$out/pagefind-$round' && '$pagefind' --site '$out/pagefind-$round' > /dev/null"
      else
        echo "- - -" >> "$corpora/hp.txt"
      fi
      if [ "$round" -gt 1 ] && [ "$place" = tmpfs ]; then
        # Memory is not a disk: nothing to keep for later, and 100k outputs
        # would fill it.
        rm -rf "$out"/*-"$round"
      fi
    done
    g_size=$(du -sm "$out/gongkai-1" | cut -f1)
    g_files=$(find "$out/gongkai-1" -type f | wc -l)
    h_only=$(du -sm "$out/hugo-1" | cut -f1)
    h_files=$(find "$out/hugo-1" -type f | wc -l)
    h_size=$([ -d "$out/pagefind-1/pagefind" ] && du -sm "$out/pagefind-1" | cut -f1 || echo -)
    h_size_files=$([ -d "$out/pagefind-1/pagefind" ] && find "$out/pagefind-1" -type f | wc -l || echo -)
    pages=$(find "$out/gongkai-1" -name '*.html' | wc -l)
    row() { # tool file size files ratio
      local kb
      kb=$(median 3 "$2")
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$place" "$1" "$(median 1 "$2")" "$(median 2 "$2")" \
        "$([ "$kb" = - ] && echo - || echo $((kb / 1024)))" "$3" "$4" "$5"
    }
    row gongkai "$corpora/g.txt" "$g_size" "$g_files" "1.00"
    row "cp -r of gongkai's output" "$corpora/cp.txt" "$g_size" "$g_files" "$(ratio "$corpora/g.txt" "$corpora/cp.txt")"
    row "Hugo" "$corpora/h.txt" "$h_only" "$h_files" "$(ratio "$corpora/g.txt" "$corpora/h.txt")"
    row "Hugo + Pagefind" "$corpora/hp.txt" "$h_size" "$h_size_files" "$(ratio "$corpora/g.txt" "$corpora/hp.txt")"
    # gongkai minus cp, per round (the target: at most 1 s on the disk).
    paste -d' ' "$corpora/g.txt" "$corpora/cp.txt" | awk '$1 != "-" && $4 != "-" {print $1 - $4}' | sort -g |
      awk -v n="$n" -v p="$place" -v f="$g_files" -v pg="$pages" '{a[NR] = $1} END {if (NR) printf "  %s, %s: gongkai − cp -r = %.2f s (median of rounds); %d files for %d pages (%.2f per page)\n", n, p, a[int((NR + 1) / 2)], f, pg, f / pg}' >&2
    [ "$place" = disk ] && median 1 "$corpora/g.txt" > "$corpora/gongkai-wall-$n.txt"
    if [ "$place" = tmpfs ]; then rm -rf "$out"; fi
  done
done
if [ -f "$corpora/gongkai-wall-10000.txt" ] && [ -f "$corpora/gongkai-wall-100000.txt" ]; then
  awk 'NR == FNR {a = $1; next} {printf "\ngongkai 100k / 10k wall (disk): %.1f (target: at most 11)\n", $1 / a}' \
    "$corpora/gongkai-wall-10000.txt" "$corpora/gongkai-wall-100000.txt"
fi
