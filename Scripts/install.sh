#!/usr/bin/env bash
# Builds gongshi as one self-contained program (the Swift runtime linked in; theme, calendars and
# memoranda built in) and installs it as PREFIX/bin/gongshi (PREFIX defaults to /usr/local).
#
#     bash Scripts/install.sh                 # → /usr/local/bin/gongshi
#     PREFIX=$HOME/.local bash Scripts/install.sh
#
# On a server without Swift, copy the installed file and install the one C library it uses:
#     apt-get install -y libcmark0.30.2 && install -m 755 gongshi /usr/local/bin/gongshi
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/ensure-deps.sh
swift build -c release --product gongshi --static-swift-stdlib
PREFIX="${PREFIX:-/usr/local}"
mkdir -p "$PREFIX/bin"
install -m 755 .build/release/gongshi "$PREFIX/bin/gongshi"
echo "已安装 $PREFIX/bin/gongshi（$("$PREFIX/bin/gongshi" --version)）"
