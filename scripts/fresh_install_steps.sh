#!/usr/bin/env bash
# The README's install, run as a new user would: called by scripts/fresh_install_check.sh inside a fresh
# Debian container (as root), or with --here on this machine (no apt-get: what is installed is used).
#
#   fresh_install_steps.sh [--here] SOURCE_DIR STEPS_DIR
#
# STEPS_DIR holds the README's three blocks, extracted by fresh_install_check.sh: apt.sh (the system
# packages), demo.sh (the first command) and tests.sh (the second). Each command runs in a fresh copy of
# SOURCE_DIR, exactly as the README writes it. Exit 0 when all of these held:
#   1. the system packages install (container only);
#   2. the demo command, under a virtual X display (Xvfb), installs PharmaDesk, builds the demo store and is
#      still running with the store open (the login window up) -- Qt did not abort;
#   3. in that installation, `pharmadesk --self-test` passes on the X display (the xcb plugin and its
#      libraries) and with no display at all (it must switch to offscreen by itself);
#   4. the test command passes.
set -euo pipefail

here=0
if [ "${1:-}" = "--here" ]; then here=1; shift; fi
source_dir=$1
steps=$2
work=$(mktemp -d /tmp/pharmadesk-fresh.XXXXXX)
trap 'rm -rf "$work"' EXIT               # two venvs and a demo store: about 2 GB
log() { printf '\n== %s\n' "$*"; }

if [ "$here" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    log "system packages: Python 3.11 and the README's line (plus Xvfb, only to give the demo a screen)"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3 ca-certificates xvfb xauth >/dev/null
    sed 's/^sudo //' "$steps/apt.sh" | sed 's/apt-get install -y/apt-get install -y -qq --no-install-recommends/' \
        > "$work/apt.sh"
    bash -e "$work/apt.sh" >/dev/null
    python3 --version
fi

# A home of its own: the demo store, logs and caches of this run go nowhere else.
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_STATE_HOME XDG_CONFIG_HOME XDG_CACHE_HOME MPLCONFIGDIR QT_QPA_PLATFORM \
    PHARMADESK_STORE PHARMADESK_PASSPHRASE PHARMADESK_LOG_DIR
log_file="$HOME/.local/state/PharmaDesk/log/pharmadesk.log"

log "command 1 (demo), as written: $(cat "$steps/demo.sh")"
cp -a "$source_dir" "$work/demo" && rm -rf "$work/demo/.venv"
cd "$work/demo"
# its own process group (setsid), so the program, xvfb-run and Xvfb stop together by that group's id
setsid xvfb-run -a -s "-screen 0 1280x800x24" bash "$steps/demo.sh" > "$work/demo.out" 2>&1 &
demo_pid=$!
started=$(date +%s)
until grep -q "store opened" "$log_file" 2>/dev/null; do
    if ! kill -0 "$demo_pid" 2>/dev/null; then
        cat "$work/demo.out"; echo "FAIL: the demo command ended before the demo store was open"; exit 1
    fi
    if [ $(( $(date +%s) - started )) -gt 1800 ]; then
        cat "$work/demo.out"; echo "FAIL: no open demo store after 30 minutes"; exit 1
    fi
    sleep 5
done
sleep 5
if ! kill -0 "$demo_pid" 2>/dev/null; then
    cat "$work/demo.out"; echo "FAIL: the demo ended right after opening its store"; exit 1
fi
echo "ok: installed, demo store built and open after $(( $(date +%s) - started )) s, the program is running"
kill -TERM -- "-$demo_pid" 2>/dev/null || true
wait "$demo_pid" 2>/dev/null || true
if grep -q "xcb-cursor0 or libxcb-cursor0 is needed\|could not connect to display\|Aborted" "$work/demo.out"; then
    cat "$work/demo.out"; echo "FAIL: Qt complained"; exit 1
fi

log "self-test on the X display (xcb)"
xvfb-run -a .venv/bin/pharmadesk --self-test
log "self-test with no display (DISPLAY and WAYLAND_DISPLAY unset)"
env -u DISPLAY -u WAYLAND_DISPLAY .venv/bin/pharmadesk --self-test | tee "$work/selftest.out"
grep -q "platform 'offscreen'" "$work/selftest.out"

log "command 2 (tests), as written: $(cat "$steps/tests.sh")"
cp -a "$source_dir" "$work/tests" && rm -rf "$work/tests/.venv"
cd "$work/tests"
env -u DISPLAY -u WAYLAND_DISPLAY bash "$steps/tests.sh"

log "fresh install check passed"
