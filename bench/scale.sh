#!/bin/sh
# bench/scale.sh — articles/s through a Redis stream with 1, 2 and 4 workers
# (one consumer group, each worker its own SQLite file: SQLite has one writer
# per database), against the same articles stored by one process without a
# stream, all measured in this run. Starts a throwaway redis-server on a free
# loopback port and stops it at the end; bounded by TIMEOUT seconds.
#   usage: sh bench/scale.sh            (from the repository root)
#   env:   B=build folder (default build), COPIES=corpus repeats (default 20),
#          WORKERS=list (default 1,2,4), TIMEOUT=seconds (default 300)
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
COPIES=${COPIES:-20}
WORKERS=${WORKERS:-1,2,4}
TIMEOUT=${TIMEOUT:-300}
if ! command -v redis-server >/dev/null; then
    echo "bench/scale: skipped (Debian package redis-server is not installed)"
    exit 0
fi
make --no-print-directory -s B="$B" "$B/bench/scale" >/dev/null
dir="$B/bench/scale-run"
rm -rf "$dir" && mkdir -p "$dir"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --dir "$dir" --loglevel warning >"$dir/redis.log" 2>&1 &
rpid=$!
trap 'kill $rpid 2>/dev/null; wait $rpid 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
i=0
until redis-cli -p "$port" ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 100 ] && { echo "redis-server did not start"; exit 1; }
    sleep 0.05
done
corpus=examples/corpus
[ -d ../shared/seeds ] && corpus="examples/corpus ../shared/seeds"
echo "redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'), $(nproc) cores; each worker: own SQLite file"
# shellcheck disable=SC2086
timeout "$TIMEOUT" "./$B/bench/scale" --port "$port" --dir "$dir" --copies "$COPIES" \
    --workers "$WORKERS" $corpus
