#!/usr/bin/env bash
# Set up mapviewer on a fresh Debian/Ubuntu machine: the system libraries Qt loads,
# a virtual environment in .venv and the package installed into it (editable).
#   bash resources/bootstrap.sh        # the app
#   bash resources/bootstrap.sh test   # the app and the test tools
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}
py=${PYTHON:-python3}

# Qt's libraries. Offscreen (tests) needs the first group; a real X window the second too.
qt_offscreen=(libgl1 libegl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libx11-6 fonts-dejavu-core)
qt_x11=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
        libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0 libxcb-util1 libxkbcommon-x11-0 libx11-xcb1)
pkgs=("${qt_offscreen[@]}" "${qt_x11[@]}")
$py -m venv --help >/dev/null 2>&1 && $py -c 'import ensurepip' 2>/dev/null || pkgs+=(python3-venv)

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "bootstrap: warning: could not install ${missing[*]}; Qt may fail to start" >&2
fi

$py -c 'import sys; assert sys.version_info >= (3, 11), "mapviewer needs Python 3.11 or newer"'
[ -x .venv/bin/python ] || $py -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
extra=""; [ "$mode" = test ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
# pip compiles the packages it installs but not an editable source tree; without .pyc files
# every start recompiles mapviewer (~0.3 s), more so where PYTHONDONTWRITEBYTECODE is set.
.venv/bin/python -m compileall -q mapviewer >/dev/null || true
echo "bootstrap: ready (.venv)"
