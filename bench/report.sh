#!/usr/bin/env bash
# `gongkai report` on a large application register (not a test): the
# fixture office of tests/fixtures/report with a register of N rows
# (default 100000; awk-generated, dates over 2024–2025, every applicant
# type and outcome), the tables printed as JSON. Prints the median wall
# time and peak memory of 5 runs, and the same with the fixture's own
# 304-row register, so that the register's share can be told apart from
# loading the site.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
cargo build --release --locked -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/fixtures/report "$work/small"
cp -r tests/fixtures/report "$work/large"
awk -v n="$rows" 'BEGIN {
  split("自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他", who, " ");
  split("予以公开 部分公开 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 4.1 4.2 4.3 5.1 5.2 5.3 5.4 5.5 6.1 6.2 6.3", what, " ");
  print "编号,收到日期,申请人姓名,申请人类型,申请内容,办理结果,办结日期,收费金额";
  srand(1);
  for (i = 1; i <= n; i++) {
    y = 2024 + (i % 2); m = 1 + int(rand() * 11); d = 1 + int(rand() * 27);
    a = who[1 + (i % 6)];
    if (i % 97 == 0) { printf "R%06d,%d-12-%02d,某某%d,%s,申请公开某事项,,,\n", i, y, 20 + (i % 8), i, a; continue }
    printf "R%06d,%d-%02d-%02d,某某%d,%s,申请公开某事项,%s,%d-%02d-%02d,%s\n", i, y, m, d, i, a, what[1 + (i % 21)], y, m, d + 1, (i % 50 == 0 ? "20" : "")
  }
}' > "$work/large/registers/applications.csv"
echo "register: $rows rows, $(du -h "$work/large/registers/applications.csv" | cut -f1)"
measure() {
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/time" target/release/gongkai report --root "$1" --year 2025 --format json > /dev/null 2> /dev/null
    cat "$work/time"
  done | sort -n | sed -n 3p
}
read -r small_s small_kb < <(measure "$work/small")
read -r large_s large_kb < <(measure "$work/large")
echo "fixture register (304 rows): median ${small_s} s, peak ${small_kb} KB"
echo "large register ($rows rows): median ${large_s} s, peak ${large_kb} KB"
