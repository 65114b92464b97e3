#!/usr/bin/env bash
# Build the desktop bundle with PyInstaller (resources/mapviewer.spec).
#   bash resources/build_bundle.sh            # one folder: dist/mapviewer/mapviewer (+ .desktop, icon)
#   bash resources/build_bundle.sh onefile    # one file:   dist/mapviewer-onefile
#   bash resources/build_bundle.sh both
#   bash resources/build_bundle.sh minimal    # the benchmarks' hello-window baseline: dist/hello/hello
# It builds from its own venv, build/bundle-venv, holding only mapviewer's runtime dependencies
# and PyInstaller: anything else installed there could end up in the bundle. The venv is kept,
# so a rerun only reinstalls mapviewer itself (and the dependencies when pyproject.toml changed).
# A bundle runs on Linux machines whose glibc is at least as new as the build machine's.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-onedir}
case "$mode" in onedir|onefile|both|minimal) ;; *) echo "usage: $0 [onedir|onefile|both|minimal]" >&2; exit 2;; esac
py=${PYTHON:-python3}
venv=build/bundle-venv
pipi() { "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@"; }

# PyInstaller reads and strips ELF files with binutils (objdump, strip).
if ! command -v objdump >/dev/null || ! command -v strip >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi
[ -x "$venv/bin/python" ] || { echo "build_bundle: creating $venv"; $py -m venv "$venv"; }
deps_key="$(sha256sum pyproject.toml | cut -c1-64) $($venv/bin/python -V 2>&1)"
if [ "$(cat "$venv/.deps-key" 2>/dev/null)" != "$deps_key" ]; then
  echo "build_bundle: installing the runtime dependencies and PyInstaller into $venv"
  pipi "setuptools>=68" wheel
  pipi --no-build-isolation ".[bundle]"
  echo "$deps_key" > "$venv/.deps-key"
fi
# mapviewer itself, fresh (setuptools' build/lib would keep modules deleted from the source).
rm -rf build/lib build/bdist.*
pipi --no-build-isolation --no-deps --force-reinstall .

pyi() {
  echo "build_bundle: pyinstaller $*"
  # The pyinstaller script, not `python -m PyInstaller`: -m would put the work tree first on
  # sys.path and freeze the source tree's mapviewer, which lacks the installed mapviewer._seeds.
  "$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller resources/mapviewer.spec -- "$@"
}
if [ "$mode" = minimal ]; then pyi --minimal; exit 0; fi
if [ "$mode" = onedir ] || [ "$mode" = both ]; then
  pyi
  # The desktop entry and its icon, for installing into ~/.local/share (see README).
  cp resources/mapviewer.desktop resources/mapviewer-mime.xml dist/mapviewer/
  cp mapviewer/data/icon-256.png dist/mapviewer/mapviewer.png
  echo "build_bundle: dist/mapviewer/ $(du -sh dist/mapviewer | cut -f1)"
fi
if [ "$mode" = onefile ] || [ "$mode" = both ]; then
  pyi --onefile
  echo "build_bundle: dist/mapviewer-onefile $(du -sh dist/mapviewer-onefile | cut -f1)"
fi
