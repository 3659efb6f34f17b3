#!/bin/sh
# render.sh URL DOM_OUT [PNG_OUT [WIDTH,HEIGHT]]
# Loads URL in headless Debian chromium, lets its scripts run (virtual time),
# writes the rendered DOM to DOM_OUT (unless it is "") and, when asked, a
# screenshot to PNG_OUT.
# Each run gets a new empty profile, and nothing leaves the machine.
set -u
url=$1; dom=$2; png=${3:-}; size=${4:-1200,1800}
run() {
    prof=$(mktemp -d "${TMPDIR:-/tmp}/st-chromium.XXXXXX") || exit 1
    timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --disable-dev-shm-usage --user-data-dir="$prof" \
        --virtual-time-budget=5000 --window-size="$size" "$@"
    rc=$?
    rm -rf "$prof"
    return $rc
}
# One start of the browser does both: chromium is slow to start.
if [ -n "$png" ]; then
    run --dump-dom --screenshot="$png" "$url" >"${dom:-/dev/null}" 2>/dev/null || exit 1
else
    run --dump-dom "$url" >"$dom" 2>/dev/null || exit 1
fi
exit 0
