#!/usr/bin/env bash
# Release binaries that run without Rust: a static Linux x86_64 binary
# (musl) and a Windows x86_64 gongkai.exe (the GNU toolchain, Debian's
# mingw-w64), packed with the README and licences, with SHA-256 checksums,
# into dist/out/. Run from anywhere: bash dist/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out=dist/out
linux=x86_64-unknown-linux-musl
windows=x86_64-pc-windows-gnu

install() { # command, Debian package
  command -v "$1" > /dev/null && return
  echo "installing $2"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
}
install musl-gcc musl-tools
install x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
rustup target list --installed | grep -qx "$linux" || rustup target add "$linux"
rustup target list --installed | grep -qx "$windows" || rustup target add "$windows"

export CC_x86_64_unknown_linux_musl=musl-gcc
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
# Static, so the Linux binary runs on any distribution (Rust links musl
# targets itself, with its own C runtime; musl-gcc builds the C parts).
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C target-feature=+crt-static"
# The C runtime linked in, so gongkai.exe needs no MinGW DLLs.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C target-feature=+crt-static"

# No symbol table in the shipped files (panics still name file and line).
export CARGO_PROFILE_RELEASE_STRIP=symbols

cargo build --release --locked -p gongkai --target "$linux"
cargo build --release --locked -p gongkai --target "$windows"

target=${CARGO_TARGET_DIR:-target}
rm -rf "$out"
mkdir -p "$out"
for pair in "$linux:gongkai:linux-x86_64" "$windows:gongkai.exe:windows-x86_64"; do
  IFS=: read -r triple exe name <<< "$pair"
  dir="$out/gongkai-$version-$name"
  mkdir -p "$dir"
  cp "$target/$triple/release/$exe" "$dir/"
  cp README.md README.en.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$dir/"
done
(cd "$out" && tar -czf "gongkai-$version-linux-x86_64.tar.gz" "gongkai-$version-linux-x86_64")
(cd "$out" && python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", ".", sys.argv[1])' "gongkai-$version-windows-x86_64")
(cd "$out" && sha256sum ./*.tar.gz ./*.zip > SHA256SUMS)
ls -l "$out"
cat "$out/SHA256SUMS"
