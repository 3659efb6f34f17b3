#!/bin/sh
# bench/text.sh — tokenise+fold+stopword+stem throughput against `wc -w` on
# the same >= 200 MB corpus, measured in the same run.
#   sh bench/text.sh            (B=build-x to use another build folder; MB=200)
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
MB=${MB:-200}
make --no-print-directory B="$B" "$B/bench/text" >/dev/null
CORPUS="$B/bench-text-corpus.txt"
set --
for f in ../shared/seeds/*.txt examples/corpus/*; do
    [ -f "$f" ] && set -- "$@" "$f"
done
if [ $# -eq 0 ]; then
    echo "bench/text.sh: no seed or example articles found" >&2
    exit 1
fi
if [ ! -s "$CORPUS" ] || [ "$(wc -c < "$CORPUS")" -lt $((MB * 1024 * 1024)) ]; then
    "$B/bench/text" gen "$CORPUS" "$MB" "$@"
fi
"$B/bench/text" run "$CORPUS"
