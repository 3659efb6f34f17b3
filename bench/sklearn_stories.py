#!/usr/bin/python3
"""The scikit-learn peer of bench/stories: TF-IDF + single-pass nearest-centroid
threshold clustering, on a JSON Lines file (fields title, maintext, event, story).

    /usr/bin/python3 bench/sklearn_stories.py FILE [--thresholds 0.2,0.3,...]

For each threshold: documents are visited in file order; each joins the most
similar centroid (cosine) if the similarity reaches the threshold, else opens a
new cluster. Candidate centroids are the 300 most recently updated (a live
window like the C clusterer's), kept as dense rows for speed. Prints, for the
best threshold (chosen on the answers, as the peer figure in the gold README),
articles/s of vectorising + clustering and BCubed F1 against `event` and
`story`. Output line format is parsed by bench/stories.sh."""
import json
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

WINDOW = 300


def bcubed(gold, pred):
    from collections import Counter
    pair = Counter(zip(gold, pred))
    gsize, psize = Counter(gold), Counter(pred)
    n = len(gold)
    p = sum(c * c / psize[pl] for (gl, pl), c in pair.items()) / n
    r = sum(c * c / gsize[gl] for (gl, pl), c in pair.items()) / n
    return 2 * p * r / (p + r) if p + r else 0.0


def cluster(x, threshold):
    """x: L2-normalised CSR rows. Returns a cluster id per row."""
    cents = np.zeros((WINDOW, x.shape[1]), dtype=np.float32)
    norm2 = np.zeros(WINDOW, dtype=np.float64)  # squared norms, kept incrementally
    slot_cluster = np.full(WINDOW, -1)
    last_used = np.zeros(WINDOW)
    labels = []
    next_id = 0
    indptr, indices, data = x.indptr, x.indices, x.data.astype(np.float32)
    for i in range(x.shape[0]):
        idx, val = indices[indptr[i]:indptr[i + 1]], data[indptr[i]:indptr[i + 1]]
        used = slot_cluster >= 0
        best, best_sim = -1, -1.0
        if used.any() and len(idx):
            sims = (cents[:, idx] @ val) / np.sqrt(np.maximum(norm2, 1e-12))
            sims[~used] = -1.0
            best = int(np.argmax(sims))
            best_sim = float(sims[best])
        if best >= 0 and best_sim >= threshold:
            norm2[best] += 2.0 * float(cents[best, idx] @ val) + float(val @ val)
            cents[best, idx] += val
        else:
            best = int(np.argmin(np.where(used, last_used, -1)))  # a free slot or the stalest
            cents[best, :] = 0
            cents[best, idx] = val
            norm2[best] = float(val @ val)
            slot_cluster[best] = next_id
            next_id += 1
        labels.append(int(slot_cluster[best]))
        last_used[best] = i + 1
    return labels


def main():
    path = sys.argv[1]
    ths = [0.2, 0.3, 0.4, 0.5]
    if "--thresholds" in sys.argv:
        ths = [float(t) for t in sys.argv[sys.argv.index("--thresholds") + 1].split(",")]
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    texts = [(r.get("title") or "") + "\n\n" + (r.get("maintext") or "") for r in rows]
    gold_ev = [r.get("event") for r in rows]
    gold_st = [r.get("story") for r in rows]
    best = None
    for th in ths:
        t0 = time.perf_counter()
        x = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
        labels = cluster(x.tocsr(), th)
        secs = time.perf_counter() - t0
        f_ev, f_st = bcubed(gold_ev, labels), bcubed(gold_st, labels)
        if best is None or f_ev > best[1]:
            best = (th, f_ev, f_st, secs)
    th, f_ev, f_st, secs = best
    print("sklearn %d articles: %.0f articles/s, threshold %.2f, event BCubed F1 %.3f, story BCubed F1 %.3f"
          % (len(rows), len(rows) / secs, th, f_ev, f_st))


if __name__ == "__main__":
    main()
