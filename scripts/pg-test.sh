#!/bin/sh
# pg-test.sh COMMAND... — runs COMMAND with ST_TEST_PG set to the URL of a
# throwaway PostgreSQL cluster (scripts/pg.sh), stopped and removed afterwards.
# The test programs then make their stores there (tests/harness.c th_db).
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/storytrack-pg.XXXXXX)
chmod 755 "$dir"
url=$(sh scripts/pg.sh start "$dir/pg") || { rm -rf "$dir"; exit 1; }
trap 'sh scripts/pg.sh stop "$dir/pg"; rm -rf "$dir"' EXIT INT TERM
echo "# PostgreSQL test cluster at $url"
ST_TEST_PG=$url "$@"
