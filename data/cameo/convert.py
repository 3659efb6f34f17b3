#!/usr/bin/python3
"""Converts the PETRARCH2 Phoenix dictionaries and the CAMEO code list from
../shared/data into the compact files of this folder (comments and blank
lines dropped, PETRARCH syntax kept so one reader serves both).
Run from the repository root: /usr/bin/python3 data/cameo/convert.py"""
import os
import re

SRC = "../shared/data"
DST = "data/cameo"
DICT = os.path.join(SRC, "petrarch2/dictionaries")


def strip(src, dst, stop=None, header=""):
    out = [header] if header else []
    with open(src, encoding="utf-8", errors="replace") as f:
        for line in f:
            if stop and line.startswith(stop):
                break
            if line.startswith("<"):
                continue
            body = line.split("#", 1)[0].rstrip()
            if body.strip():
                out.append(body)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


NOTE = "# Converted from PETRARCH2 %s (MIT, Open Event Data Alliance) by convert.py"
strip(os.path.join(DICT, "CAMEO.2.0.txt"), os.path.join(DST, "verbs.en.txt"),
      stop="######## TRANSFORMATIONS", header=NOTE % "CAMEO.2.0.txt")
for name, out in [("Phoenix.Countries.actors.txt", "actors.countries.txt"),
                  ("Phoenix.International.actors.txt", "actors.international.txt"),
                  ("Phoenix.MilNonState.actors.txt", "actors.nonstate.txt"),
                  ("Phoenix.agents.txt", "agents.txt")]:
    strip(os.path.join(DICT, name), os.path.join(DST, out), header=NOTE % name)

# Codebook: code, root, description, goldstein, quad_class.
with open(os.path.join(SRC, "cameo/CAMEO.eventcodes.clean.tsv"), encoding="utf-8") as f, \
        open(os.path.join(DST, "codes.tsv"), "w", encoding="utf-8") as o:
    o.write("code\troot\tdescription\tgoldstein\tquad_class\n")
    for line in f:
        cols = line.rstrip("\n").split("\t")
        if not re.match(r"^\d", cols[0]):
            continue
        root = int(cols[1])
        quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        o.write("\t".join(cols[:4] + [str(quad)]) + "\n")
