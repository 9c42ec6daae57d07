#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/PharmaDesk/ with PyInstaller (installer/pharmadesk.spec) and
# smoke-test it: dist/PharmaDesk/PharmaDesk --self-test must pass. Too slow for every CI run (minutes);
# run it before a release and on the Windows build PC before compiling installer/pharmadesk.iss.
#
#   scripts/build_bundle.sh              # build venv in .build-venv/, output in dist/PharmaDesk/
#   BUILD_VENV=/tmp/bv scripts/build_bundle.sh
#
# On Windows run it from Git Bash (the venv's scripts are then in Scripts/, the program is PharmaDesk.exe).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
BUILD_VENV=${BUILD_VENV:-$ROOT/.build-venv}
PYINSTALLER_SPEC=${PYINSTALLER_SPEC:-pyinstaller>=6.10,<7}
start=$(date +%s)

if [ ! -x "$BUILD_VENV/bin/python" ] && [ ! -x "$BUILD_VENV/Scripts/python.exe" ]; then
    echo "== creating the build venv in $BUILD_VENV"
    "$PYTHON" -m venv "$BUILD_VENV"
fi
if [ -x "$BUILD_VENV/bin/python" ]; then VPY="$BUILD_VENV/bin/python"; else VPY="$BUILD_VENV/Scripts/python.exe"; fi

echo "== installing PharmaDesk and PyInstaller"
"$VPY" -m pip install -q --upgrade pip
"$VPY" -m pip install -q "$ROOT" "$PYINSTALLER_SPEC"
"$VPY" -m PyInstaller --version

echo "== PyInstaller (one folder)"
"$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/pharmadesk.spec
built=$(date +%s)

APP="$ROOT/dist/PharmaDesk/PharmaDesk"
[ -x "$APP" ] || APP="$APP.exe"
[ -x "$APP" ] || { echo "build_bundle: no program in dist/PharmaDesk/" >&2; exit 1; }

echo "== smoke test: $APP --self-test"
# Run from another folder with a clean environment for Python, so nothing leaks in from the source tree.
if ! (cd "${TMPDIR:-/tmp}" && env -u PYTHONPATH -u PYTHONHOME QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" \
        "$APP" --self-test); then
    echo "build_bundle: the bundle's self-test FAILED" >&2
    exit 1
fi
done_at=$(date +%s)
size=$(du -sh "$ROOT/dist/PharmaDesk" | cut -f1)
echo "== dist/PharmaDesk: $size; build $((built - start)) s, smoke test $((done_at - built)) s"
