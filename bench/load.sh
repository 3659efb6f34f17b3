#!/bin/sh
# bench/load.sh [CLIENTS] [SECONDS] — the HTTP server under mixed load on
# loopback (POST /api/articles + GET /api/stories): throughput, p50/p99,
# errors and lost articles, against one client alone as the peer.
# Defaults: 200 clients for 60 s. SOAK=1 runs the load twice and checks that
# descriptors stay flat (a bounded soak; SOAK=1 with 900 s is the long form).
# Set URL and DB to load a running
# `storytrack serve` instead of an in-process server. Exits non-zero on any
# error or lost article.
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
make --no-print-directory B="$B" "$B/bench/load" >/dev/null
if [ -n "$URL" ]; then
    exec "./$B/bench/load" --clients "${1:-200}" --seconds "${2:-60}" --url "$URL" --db "$DB" --soak "${SOAK:-0}"
fi
exec "./$B/bench/load" --clients "${1:-200}" --seconds "${2:-60}" --soak "${SOAK:-0}"
