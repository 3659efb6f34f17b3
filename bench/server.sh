#!/bin/sh
# bench/server.sh [SECONDS_PER_PHASE] — HTTP server throughput and p99 latency
# at 50 concurrent loopback clients (bounded: three phases of ~3 s each).
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
make --no-print-directory B="$B" "$B/bench/server" >/dev/null
exec "./$B/bench/server" "${1:-3}"
