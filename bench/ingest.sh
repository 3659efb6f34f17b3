#!/bin/sh
# bench/ingest.sh — `storytrack ingest` end to end (read, analyse, sign,
# extract, code, store, dedup, cluster) on real multilingual news, with the
# preparing threads of --jobs against one thread (the peer, same run, same
# input), and a check that both stores hold the same stories; then
# `storytrack recluster` of that store on 1 thread and on JOBS, likewise.
#
# Input: the gold dev split's 158 articles (12 languages), copied COPIES times
# (default 10) with a distinct id, URL and first sentence per copy, so that
# every copy is analysed and stored (as a near-duplicate of the first).
#   usage: sh bench/ingest.sh        env: B=build folder, COPIES, JOBS (default: online CPUs)
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
COPIES=${COPIES:-10}
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN)}
DEV=../shared/gold/dev.jsonl
[ -f "$DEV" ] || DEV=examples/corpus/jsonl/*.jsonl
make --no-print-directory -s B="$B" "$B/storytrack" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
while [ "$i" -lt "$COPIES" ]; do
    sed -e "s/\"id\": *\"/&c$i-/" -e "s|\"url\": *\"|&https://copy$i.example/|" \
        -e "s/\"maintext\": *\"/&Report $i of the day. /" $DEV
    i=$((i + 1))
done > "$tmp/in.jsonl"
n=$(wc -l < "$tmp/in.jsonl")
run() { # jobs db -> seconds
    s=$(date +%s.%N)
    "./$B/storytrack" ingest --quiet --jobs "$1" --db "$2" "$tmp/in.jsonl" > "$tmp/out.$1" 2>/dev/null || true
    e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.2f", $2 - $1}'
}
t1=$(run 1 "$tmp/one.db")
tn=$(run "$JOBS" "$tmp/many.db")
echo "input: $n articles ($COPIES copies of $(basename "$DEV")), $(du -h "$tmp/in.jsonl" | cut -f1)"
echo "--jobs 1:     $t1 s, $(awk -v n="$n" -v t="$t1" 'BEGIN{printf "%.0f", n/t}') articles/s   ($(cat "$tmp/out.1"))"
echo "--jobs $JOBS:     $tn s, $(awk -v n="$n" -v t="$tn" 'BEGIN{printf "%.0f", n/t}') articles/s   ($(cat "$tmp/out.$JOBS"))"
echo "ratio: $(awk -v a="$t1" -v b="$tn" 'BEGIN{printf "%.2fx", a/b}') the one-thread throughput"
a=$("./$B/storytrack" stories --json --limit 100000 --db "$tmp/one.db" | md5sum)
b=$("./$B/storytrack" stories --json --limit 100000 --db "$tmp/many.db" | md5sum)
[ "$a" = "$b" ] && echo "stories: identical" || { echo "stories: DIFFER"; exit 1; }

# recluster: the same replay of every stored article, on 1 thread and on JOBS
recl() { # jobs db -> seconds
    s=$(date +%s.%N)
    "./$B/storytrack" recluster --jobs "$1" --db "$2" > /dev/null
    e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.2f", $2 - $1}'
}
r1=$(recl 1 "$tmp/one.db")
c=$("./$B/storytrack" stories --json --limit 100000 --db "$tmp/one.db" | md5sum)
rn=$(recl "$JOBS" "$tmp/one.db")
d=$("./$B/storytrack" stories --json --limit 100000 --db "$tmp/one.db" | md5sum)
echo "recluster --jobs 1: $r1 s; --jobs $JOBS: $rn s; ratio $(awk -v a="$r1" -v b="$rn" 'BEGIN{printf "%.2fx", a/b}')"
[ "$c" = "$d" ] && echo "reclustered stories: identical" || { echo "reclustered stories: DIFFER"; exit 1; }
