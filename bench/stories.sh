#!/bin/sh
# stories.sh — analyse + cluster throughput and quality, against the scikit-learn
# peer (bench/sklearn_stories.py: TF-IDF + nearest-centroid threshold clustering)
# measured in the same run on the same data. Whole script: under ~5 minutes.
#
#   sh bench/stories.sh            (B=build-x to use another build folder;
#                                   JOBS=N threads for the second pass, default nproc)
set -e
cd "$(dirname "$0")/.."
B=${B:-build}
CAP=${CAP:-75}   # seconds per size; the 1M run stops there and reports what it did
make -s B="$B" "$B/bench/stories" "$B/bench/tune" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

JOBS=${JOBS:-$(nproc)}
echo "== generated stream (planted events in planted stories), storytrack, 1 thread, then $JOBS"
"./$B/bench/stories" --sizes 10000,100000,1000000 --max-seconds "$CAP" --jobs 1 \
    --write 10000 "$tmp/gen10k.jsonl" | tee "$tmp/ours.txt"
"./$B/bench/stories" --sizes 10000,100000,1000000 --max-seconds "$CAP" --jobs "$JOBS" \
    | tee "$tmp/ours_n.txt"
echo "== the same first 10000 articles, scikit-learn (best threshold chosen on the answers)"
/usr/bin/python3 bench/sklearn_stories.py "$tmp/gen10k.jsonl" --thresholds 0.2,0.3,0.4,0.5 \
    | tee "$tmp/sk_gen.txt"

rate() { awk '/generated +10000 /{for(i=1;i<=NF;i++) if($i=="articles/s"){print $(i-1); exit}}' "$1"; }
ours=$(rate "$tmp/ours.txt")
ours_n=$(rate "$tmp/ours_n.txt")
sk=$(awk '{for(i=1;i<=NF;i++) if($i=="articles/s,"){print $(i-1); exit}}' "$tmp/sk_gen.txt")
ours_f1=$(awk '/generated +10000 /{for(i=1;i<=NF;i++) if($i=="event"&&$(i+1)=="BCubed"){print $(i+3); exit}}' "$tmp/ours.txt" | tr -d ,)
sk_f1=$(awk '{for(i=1;i<=NF;i++) if($i=="event"&&$(i+1)=="BCubed"){print $(i+3); exit}}' "$tmp/sk_gen.txt" | tr -d ,)
echo "ratio at 10k: storytrack / sklearn throughput = $(awk -v a="$ours" -v b="$sk" 'BEGIN{printf "%.2fx", a/b}')" \
     "on 1 thread, $(awk -v a="$ours_n" -v b="$sk" 'BEGIN{printf "%.2fx", a/b}') on $JOBS" \
     "(analyse+cluster vs vectorise+cluster; the peer is one thread); event BCubed F1 $ours_f1 vs $sk_f1"

DEV=../shared/gold/dev.jsonl
if [ -f "$DEV" ]; then
    echo "== gold dev split ($DEV)"
    "./$B/bench/tune" --quiet --shuffles 3 "$DEV" | sed 's/^/storytrack: /'
    /usr/bin/python3 bench/sklearn_stories.py "$DEV" --thresholds 0.1,0.2,0.3,0.4,0.5 | sed 's/^/peer:       /'
fi
