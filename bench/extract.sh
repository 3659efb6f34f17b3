#!/bin/sh
# Extraction quality (precision/recall on the hand-annotated set) and speed.
set -e
B=${B:-build}
make --no-print-directory B="$B" "$B/bench/extract" >/dev/null
"./$B/bench/extract" "$@"
