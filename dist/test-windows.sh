#!/usr/bin/env bash
# The Windows binary on Windows paths: cross-compiles gongkai.exe (the GNU
# toolchain), runs it under Wine in a site folder whose name is Chinese and
# has a space, given with backslashes, and checks what it writes and
# prints. Usage: bash dist/test-windows.sh [path/to/gongkai.exe]
set -euo pipefail
cd "$(dirname "$0")/.."

install() { # command, Debian package
  command -v "$1" > /dev/null && return
  echo "installing $2"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
}
install x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
[ -x /usr/lib/wine/wine64 ] || install wine64 wine64
triple=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"

exe=${1:-}
if [ -z "$exe" ]; then
  CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc \
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --locked -q -p gongkai --target "$triple"
  exe="${CARGO_TARGET_DIR:-target}/$triple/debug/gongkai.exe"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$exe" "$work/gongkai.exe"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
  dist/windows-shim/prng.c dist/windows-shim/prng.def -ladvapi32
export WINEPREFIX="$work/wine" WINEDEBUG=-all
wine() { (cd "$work" && /usr/lib/wine/wine64 gongkai.exe "$@"); }
fail() { echo "FAIL: $*"; exit 1; }

# Z:\ is the root of the Linux file system under Wine.
site_dir="$work/政务 公开"
site='Z:'$(printf '%s' "$site_dir" | tr '/' '\\')

wine new '政务 公开' > "$work/new.txt"
grep -q '已在 政务 公开 创建新站点' "$work/new.txt" || fail "new: $(cat "$work/new.txt")"

wine build --root "$site" > "$work/build.txt" 2> "$work/build.err"
grep -q '已生成：文件 2 件' "$work/build.txt" || fail "build: $(cat "$work/build.txt" "$work/build.err")"
grep -qF '输出到 Z:\' "$work/build.txt" || fail "the output is named with backslashes: $(cat "$work/build.txt")"
for page in index.html column/guide.html docs/0001-03-2026-000001.html; do
  [ -f "$site_dir/public/$page" ] || fail "public/$page was not written"
done

# A document in a Chinese sub-folder with an attachment beside it, linked
# from another document by a relative path: resolved on Windows too.
mkdir -p "$site_dir/content/规划 计划"
printf '%%PDF-1.4\n' > "$site_dir/content/规划 计划/附件1.pdf"
cat > "$site_dir/content/规划 计划/要点.md" <<'MD'
---
标题: 关于印发工作要点的通知
索引号: 0001-03-2026-000009
发布机构: 某某区人民政府办公室
信息分类: 规划计划
发文日期: 2026-03-02
附件: [附件1.pdf]
---

见[职责](../0001-01-2026-000001.md)。
MD
wine build --root "$site" > "$work/build2.txt" 2> "$work/build2.err" || fail "build 2: $(cat "$work/build2.err")"
[ -f "$site_dir/public/docs/0001-03-2026-000009/附件1.pdf" ] || fail "the attachment was not published: $(ls -R "$site_dir/public/docs" | head -40)"
grep -q '0001-01-2026-000001.html' "$site_dir/public/docs/0001-03-2026-000009.html" || fail "the relative link was not resolved"

# Errors name the file with Windows separators for people, '/' in JSON.
printf -- '---\n标题：坏冒号\n---\n' > "$site_dir/content/规划 计划/坏.md"
if wine check --root "$site" > "$work/check.txt" 2> "$work/check.err"; then fail "check passed a broken file"; fi
grep -qF 'content\规划 计划\坏.md:2' "$work/check.err" || fail "check: $(cat "$work/check.err")"
wine check --root "$site" --format json > "$work/check.json" || true
grep -qF '"path":"content/规划 计划/坏.md"' "$work/check.json" || fail "json: $(cat "$work/check.json")"
rm "$site_dir/content/规划 计划/坏.md"

# A GBK file (Notepad's ANSI on Chinese Windows), converted in place.
printf -- '---\n标题: 编码\n索引号: 0001-03-2026-000010\n发布机构: 某某区人民政府办公室\n信息分类: 规划计划\n发文日期: 2026-03-03\n---\n正文\n' \
  | iconv -f UTF-8 -t GBK > "$site_dir/content/规划 计划/编码.md"
wine check --root "$site" --fix-encoding > "$work/fix.txt" 2> "$work/fix.err" || fail "fix-encoding: $(cat "$work/fix.txt" "$work/fix.err")"
[ -f "$site_dir/content/规划 计划/编码.md.gbk" ] || fail "no .gbk backup"
iconv -f UTF-8 -t UTF-8 "$site_dir/content/规划 计划/编码.md" > /dev/null || fail "not UTF-8 after --fix-encoding"

echo "Windows: gongkai.exe passed on Windows paths under Wine ($(/usr/lib/wine/wine64 --version))"
