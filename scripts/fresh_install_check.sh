#!/usr/bin/env bash
# Does the README's install work as written? Runs its two commands on a fresh Debian 12 container that has only
# Python 3.11 and the README's system packages (docs/install.md says what it does and why).
#
#   scripts/fresh_install_check.sh [IMAGE]      # Docker or Podman; IMAGE defaults to debian:12
#   scripts/fresh_install_check.sh --here       # no container: the same steps on this machine, in a temporary
#                                               # home, with the system packages it already has
#
# What is checked is the last commit (a clone of HEAD), not uncommitted changes, and the commands are read
# from README.md's "Two commands" section, so the README cannot drift from what was checked.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=container
image=debian:12
if [ "${1:-}" = "--here" ]; then mode=here; elif [ -n "${1:-}" ]; then image=$1; fi

work=$(mktemp -d /tmp/pharmadesk-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q --no-local "$root" "$work/src"
mkdir "$work/steps"
cp "$root/scripts/fresh_install_steps.sh" "$work/steps/run.sh"

# The README's blocks under "## Two commands": the apt-get line, the demo command and the test command.
awk '/^## Two commands/ {on = 1; next} on && /^## / {exit} on && /^```/ {inblock = !inblock; n += inblock; next}
     on && inblock {print > (dir "/block" n ".txt")}' dir="$work/steps" "$root/README.md"
for block in "$work"/steps/block*.txt; do
    if grep -q "apt-get install" "$block"; then mv "$block" "$work/steps/apt.sh"
    elif grep -q -- "--demo" "$block"; then mv "$block" "$work/steps/demo.sh"
    elif grep -q "pytest" "$block"; then mv "$block" "$work/steps/tests.sh"
    else rm "$block"; fi
done
for step in apt demo tests; do
    [ -s "$work/steps/$step.sh" ] || { echo "fresh_install_check: README has no $step block" >&2; exit 2; }
done

if [ "$mode" = here ]; then
    bash "$work/steps/run.sh" --here "$work/src" "$work/steps"
    exit
fi
engine=$(command -v podman || command -v docker || true)
if [ -z "$engine" ]; then
    echo "fresh_install_check: needs Docker or Podman (or run it with --here)" >&2
    exit 2
fi
"$engine" pull -q "$image" >/dev/null
"$engine" run --rm -v "$work/src:/src:ro" -v "$work/steps:/steps:ro" "$image" \
    bash /steps/run.sh /src /steps
