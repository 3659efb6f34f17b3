#!/bin/sh
# bench/langid.sh — language identification: libexttextcat's
# textcat_ClassifyFull (the old path) against st_lang_detect (our classifier,
# textcat's answers), measured in the same run on the same articles.
#   usage: sh bench/langid.sh          (from anywhere)
#   env:   B=build folder (default build), PASSES=passes over the dev set (default 20)
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
PASSES=${PASSES:-20}
make --no-print-directory -s B="$B" "$B/bench/langid" >/dev/null
DEV=../shared/gold/dev.jsonl
if [ -f "$DEV" ]; then
    echo "== gold dev split (short articles), repeated $PASSES times"
    "./$B/bench/langid" "$PASSES" "$DEV"
fi
set --
for f in ../shared/seeds/*.txt examples/corpus/text/*.txt; do
    [ -f "$f" ] && set -- "$@" "$f"
done
if [ $# -gt 0 ]; then
    echo "== seeds and example texts (long articles, cut at 4 KB), repeated $PASSES times"
    "./$B/bench/langid" "$PASSES" "$@"
fi
