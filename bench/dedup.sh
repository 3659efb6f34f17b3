#!/bin/sh
# bench/dedup.sh — MinHash + LSH dedup throughput and memory per article at
# 100k generated articles, against peers measured in the same run on the same
# text: a datasketch-style MinHash + LSH in Python/numpy (the usual tool), and
# `wc -w` as the floor (just reading the words).
#   usage: sh bench/dedup.sh            (from the repository root)
#   env:   B=build folder (default build), N=articles (default 100000),
#          PEER_N=articles given to the peers (default 10000)
set -e
B=${B:-build}
N=${N:-100000}
PEER_N=${PEER_N:-10000}
PY=/usr/bin/python3
make --no-print-directory -s B="$B" "$B/bench/dedup" >/dev/null
corpus="$B/bench/dedup-corpus.txt"
out=$("./$B/bench/dedup" "$N" "$corpus" "$PEER_N")
echo "$out"
c_rate=$(echo "$out" | sed -n 's/^first [0-9]* *\([0-9]*\) articles.*/\1/p')

if [ -f ../shared/gold/dev.jsonl ]; then
    "./$B/bench/dedup" --gold ../shared/gold/dev.jsonl | tail -n 1
fi

# Peer 1: datasketch's MinHash scheme (sha1 32-bit shingle hashes,
# (a*h + b) mod (2^61 - 1) permutations in numpy, 128 perms) and an LSH of
# 42 bands x 3 rows in dicts: what a Python pipeline would do.
py_rate=""
if "$PY" -c 'import numpy' 2>/dev/null; then
    py_rate=$("$PY" - "$corpus" <<'PYEOF'
import hashlib, re, sys, time
import numpy as np
P = (1 << 61) - 1
rng = np.random.RandomState(1)
a = rng.randint(1, P, 128, dtype=np.uint64)
b = rng.randint(0, P, 128, dtype=np.uint64)
docs = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
word = re.compile(r"\w+")
t0 = time.perf_counter()
bands = [dict() for _ in range(42)]
for i, d in enumerate(docs):
    toks = word.findall(d.lower())
    sh = [" ".join(toks[k:k + 3]) for k in range(max(1, len(toks) - 2))]
    hv = np.array([int.from_bytes(hashlib.sha1(s.encode()).digest()[:4], "little") for s in sh],
                  dtype=np.uint64)
    phv = ((np.outer(hv, a) + b) % P) & np.uint64(0xFFFFFFFF)
    sig = phv.min(axis=0)
    cands = set()
    for j in range(42):
        key = sig[3 * j:3 * j + 3].tobytes()
        lst = bands[j].setdefault(key, [])
        cands.update(lst)
        lst.append(i)
dt = time.perf_counter() - t0
print("%.0f" % (len(docs) / dt))
PYEOF
)
    echo "peer python/numpy   $py_rate articles/s (datasketch-style MinHash + LSH, first $PEER_N)"
else
    echo "peer python/numpy   skipped (no numpy in $PY)"
fi

# Peer 2: the floor, reading the same words with wc -w.
t0=$(date +%s.%N)
wc -w "$corpus" >/dev/null
t1=$(date +%s.%N)
wc_rate=$(echo "$PEER_N $t0 $t1" | awk '{ d = $3 - $2; if (d <= 0) d = 1e-6; printf "%.0f", $1 / d }')
echo "floor wc -w         $wc_rate articles/s (same first $PEER_N)"

if [ -n "$c_rate" ]; then
    [ -n "$py_rate" ] && echo "$c_rate $py_rate" | awk '{ printf "ratio               C / python = %.1fx\n", $1 / $2 }'
    echo "$c_rate $wc_rate" | awk '{ printf "ratio               C / wc -w = %.2fx (1.0 = as fast as reading the words)\n", $1 / $2 }'
fi
rm -f "$corpus"
