#!/bin/sh
# pg.sh — a throwaway PostgreSQL cluster for tests and benchmarks; no system service.
#
#   sh scripts/pg.sh start DIR    initdb in DIR, start on a free loopback port, print its URL
#   sh scripts/pg.sh stop DIR     stop it and remove DIR
#
# As root the server runs as the 'postgres' user (initdb refuses root). Trust
# authentication on loopback and a socket inside DIR only: nothing outside sees it.
set -e
cmd=$1 dir=$2
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg.sh start|stop DIR" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "pg.sh: PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 3; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)

case $cmd in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U "$user" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # A port picked from the pid; one taken by someone else fails the start, so try the next.
    port=$(( 20000 + $$ % 20000 )) tries=0
    until as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" \
        start >/dev/null 2>&1; do
        tries=$((tries + 1)); port=$((port + 7))
        [ $tries -lt 5 ] || { cat "$dir/server.log" >&2; exit 1; }
    done
    echo "postgresql://$user@127.0.0.1:$port/postgres"
    ;;
stop)
    [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*) echo "usage: pg.sh start|stop DIR" >&2; exit 2 ;;
esac
