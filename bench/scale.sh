#!/bin/sh
# bench/scale.sh — articles/s through a Redis stream with 1, 2 and 4 workers
# in one consumer group, against the same articles stored by one process
# without a stream, all measured in this run: first each worker with its own
# SQLite file (SQLite has one writer per database), then all workers sharing
# one PostgreSQL database, where the shared store's clustering is also
# compared with the one process's. Starts a throwaway redis-server and
# PostgreSQL cluster (scripts/pg.sh) on free loopback ports and stops them at
# the end; each part is bounded by TIMEOUT seconds.
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
pgdir=$(mktemp -d /tmp/storytrack-scale-pg.XXXXXX)
chmod 755 "$pgdir"
trap 'kill $rpid 2>/dev/null; wait $rpid 2>/dev/null; sh scripts/pg.sh stop "$pgdir/pg"; rm -rf "$dir" "$pgdir"' EXIT INT TERM
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
if pg=$(sh scripts/pg.sh start "$pgdir/pg" 2>/dev/null); then
    echo "== the same, every worker into one PostgreSQL database ($(psql --version | cut -d' ' -f3)," \
         "fsync off: the throwaway cluster measures our work, not the disk)"
    # shellcheck disable=SC2086
    timeout "$TIMEOUT" "./$B/bench/scale" --port "$port" --dir "$dir" --pg "$pg" \
        --copies "$COPIES" --workers "$WORKERS" $corpus
else
    echo "bench/scale: PostgreSQL part skipped (Debian package postgresql is not installed)"
fi
