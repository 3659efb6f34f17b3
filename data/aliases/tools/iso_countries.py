#!/usr/bin/python3
"""Generates data/aliases/countries_iso.tsv from Debian's iso-codes: one concept per
ISO 3166-1 country that no other table of data/aliases has, named in English (common
name, name, official name, plus a few hand-added EXTRA names) and in the languages of
LANGS (the translated common name, else the name, from the gettext catalogues).

Run from anywhere, stdlib only, deterministic:
    /usr/bin/python3 data/aliases/tools/iso_countries.py
Options: --iso-json PATH, --locale-dir DIR, --out PATH (defaults: Debian's paths and
the tsv next to this folder). What was dropped, and why, goes to stderr.

The matcher (src/text/concepts.c) folds case and accents, so an alias that is also a
frequent lower-case word in one of the scanned languages would turn that word into a
country everywhere: those are listed in COMMON_WORDS and dropped."""
import argparse
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ALIASES = os.path.dirname(HERE)
OUT_NAME = "countries_iso.tsv"
DOMAIN = "iso_3166-1"

# English comes from the msgids themselves (there is no en catalogue).
LANGS = ["en", "id", "de", "fr", "es", "pt", "it", "nl", "da", "sv", "nb", "fi", "pl", "cs",
         "sk", "sl", "hr", "bs", "sr", "hu", "ro", "bg", "ru", "uk", "el", "tr", "ar", "fa"]

# Territories nobody writes news about, or whose every name is a word or another
# place (the reason is printed when the script runs).
SKIP = {
    "ATF": "uninhabited", "BVT": "uninhabited", "HMD": "uninhabited",
    "SGS": "uninhabited", "UMI": "uninhabited",
    "JEY": "Jersey: the garment, New Jersey",
    "GGY": "guernsey: the garment, the Australian football shirt",
    "MSR": "Montserrat: the Catalan mountain, a frequent first name",
    "MAF": "Saint-Martin: French towns, the saint; its names are shared with SXM",
    "SXM": "Sint Maarten: its names are shared with MAF",
    "BLM": "Saint-Barthelemy: French towns, the saint, the 1572 massacre",
    "SHN": "Saint Helena: the saint, towns in Brazil, Italy and the US",
}

# Folded aliases dropped because the word is frequent in lower case in a scanned
# language, or names something else more often than the country (reason given).
COMMON_WORDS = {
    "georgia": "the US state",
    "γεωργια": "el: agriculture",
    "island": "en: island",
    "mali": "bs/hr/sr/sl: small; tr: financial",
    "мали": "sr/bg: small",
    "малі": "uk: small",
    "مالي": "ar: financial",
    "مالی": "fa: financial",
    "oman": "fi: own (genitive)",
    "عمان": "ar/fa: also Amman",
    "того": "ru/uk: of that",
    "benim": "tr: my",
    "malte": "de: painted; a first name",
    "man": "en: man",
    "christmas": "en: Christmas",
    "cocos": "es: coconuts",
    "norfolk": "the English county",
    "czad": "pl: carbon monoxide",
    "granada": "the Spanish city",
    "grenade": "fr/en: the weapon",
    "reunion": "fr/es/en: meeting",
    "salvador": "a first name, the Brazilian city",
    "salomon": "a first name and surname",
    "santa lucia": "es/it/pt: the saint, her feast, many towns",
    "sankt lucia": "da/sv: the feast of St Lucy",
    "maurice": "fr: a first name",
    "mauricio": "es: a first name",
    "maurizio": "it: a first name",
    "dominique": "fr: a first name",
    "dominika": "pl/cs/sk: a first name",
    "guadalupe": "es: a first name, the Virgin",
}

# Names iso-codes lacks, for countries whose ISO names are cut away or dropped,
# or are not the names news use (hand-added from general knowledge, CC0).
EXTRA = {
    "COD": ["Democratic Republic of the Congo", "DR Congo", "DRC"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast"],
    "CPV": ["Cape Verde"],
    "BRN": ["Brunei"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "VAT": ["Vatican", "Vatican City"],
    "GEO": ["Republic of Georgia"],
    "REU": ["Réunion Island"],
    "VIR": ["US Virgin Islands", "U.S. Virgin Islands"],
    "FLK": ["Falklands", "Islas Malvinas", "Malvinas"],
    "FRO": ["Faroes"],
}

# Catalogue entries that name another country: (language, msgid).
WRONG = {
    ("ar", "Moldova"): "المالديف is the Maldives",
    ("bs", "Christmas Island"): "Uskršnje ostrvo is Easter Island",
}

MAX_WORDS = 6  # the loader ignores longer aliases
MIN_CHARS = 3


def is_word_char(ch):
    return unicodedata.category(ch)[0] in "LMN"


def fold(s):
    """The matcher's key: case folded, marks stripped, words joined by one space."""
    d = unicodedata.normalize("NFD", s).casefold()
    d = "".join(c for c in d if unicodedata.category(c) not in ("Mn", "Mc", "Me"))
    d = unicodedata.normalize("NFC", d)
    words, cur = [], []
    for ch in d:
        if is_word_char(ch):
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return " ".join(words)


def clean(name):
    """Cuts "Korea, Republic of" at the comma (Latin or Arabic) and drops "(...)"
    (unclosed too); returns the name and whether the comma cut something."""
    parts = re.split(r"\s*[,\u060c] ", name, maxsplit=1)
    name = re.sub(r"\s*\([^)]*(\)|$)", "", parts[0])
    return " ".join(name.split()), len(parts) > 1


def iso_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_tables(folder):
    """ids and folded alias -> id of every other *.tsv of the folder."""
    ids, owner = set(), {}
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".tsv") or fn == OUT_NAME:
            continue
        with open(os.path.join(folder, fn), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                cid, _type, aliases = line.split("\t", 2)
                ids.add(cid)
                for a in aliases.split("|"):
                    owner.setdefault(fold(a), cid)
    return ids, owner


def catalogues(locale_dir, langs):
    cats, missing = {}, []
    for lang in langs:
        if lang == "en":
            continue
        try:
            cats[lang] = gettext.translation(DOMAIN, locale_dir, [lang])
        except OSError:
            missing.append(lang)
    return cats, missing


def translated(lang, cat, country):
    """The translated common name, else the translated name, else None."""
    for key in ("common_name", "name"):
        msgid = country.get(key)
        if msgid and (lang, msgid) not in WRONG and cat.gettext(msgid) != msgid:
            return cat.gettext(msgid)
    return None


def raw_names(country, cats):
    """(lang, name, cut) in LANGS order; English first: common name, name, the
    hand-added EXTRA (marked "+"), official name."""
    out = [("en",) + clean(country[k]) for k in ("common_name", "name") if country.get(k)]
    out += [("+", a, False) for a in EXTRA.get(country["alpha_3"], [])]
    if country.get("official_name"):
        out.append(("en",) + clean(country["official_name"]))
    for lang in LANGS:
        t = translated(lang, cats[lang], country) if lang in cats else None
        if t:
            out.append((lang,) + clean(t))
    return out


def candidates(countries, cats, log):
    """id -> [(key, alias, cut, lang)] deduplicated per country, before cross-table checks;
    an alias is "name/lang" in what is logged."""
    per = {}
    for c in countries:
        seen, keep = set(), []
        for lang, alias, cut in raw_names(c, cats):
            key = fold(alias)
            if key in seen:
                continue
            seen.add(key)
            if len(key.replace(" ", "")) < MIN_CHARS or key.count(" ") + 1 > MAX_WORDS:
                log("short-or-long", c["alpha_3"], "%s/%s" % (alias, lang))
                continue
            keep.append((key, alias, cut, lang))
        per[c["alpha_3"]] = keep
    return per


def contained_in(key, cid, per):
    """Another country one of whose names holds the words of key, or None."""
    pad = " %s " % key
    for other, entries in per.items():
        if other != cid and any(pad in " %s " % t[0] for t in entries):
            return other
    return None


def drop_shared(per, owner, log):
    """Drops names of two new countries (or cut down to part of another's name),
    names another table has, and common words."""
    users = {}
    for cid, entries in per.items():
        for key, *_ in entries:
            users.setdefault(key, set()).add(cid)
    out, used_words = {}, set()
    for cid, entries in per.items():
        keep = []
        for key, alias, cut, lang in entries:
            shown = "%s/%s" % (alias, lang)
            inside = contained_in(key, cid, per) if cut else None
            if len(users[key]) > 1:
                others = ",".join(sorted(users[key] - {cid}))
                log("ambiguous", cid, "%s (also %s)" % (shown, others))
            elif inside:
                log("ambiguous", cid, "%s (cut; part of a name of %s)" % (shown, inside))
            elif key in owner:
                log("taken", cid, "%s (by %s)" % (shown, owner[key]))
            elif key in COMMON_WORDS:
                used_words.add(key)
                log("common-word", cid, "%s (%s)" % (shown, COMMON_WORDS[key]))
            else:
                keep.append(alias)
        out[cid] = keep
    for key in sorted(set(COMMON_WORDS) - used_words):
        log("unused-word", "-", "%s: no alias folds to it any more" % key)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso-json", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--locale-dir", default="/usr/share/locale")
    ap.add_argument("--out", default=os.path.join(ALIASES, OUT_NAME))
    args = ap.parse_args()

    def log(what, cid, text):
        print("%-13s %s  %s" % (what, cid, text), file=sys.stderr)

    with open(args.iso_json, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    ids, owner = read_tables(ALIASES)
    cats, missing = catalogues(args.locale_dir, LANGS)
    if missing:
        log("no-catalogue", "-", " ".join(missing))
    todo = []
    for c in sorted(iso, key=lambda c: c["alpha_3"]):
        if c["alpha_3"] in ids:
            continue
        if c["alpha_3"] in SKIP:
            log("skipped", c["alpha_3"], SKIP[c["alpha_3"]])
            continue
        todo.append(c)
    kept = drop_shared(candidates(todo, cats, log), owner, log)

    used = [lang for lang in LANGS if lang in cats]
    lines = [
        "# Generated by tools/iso_countries.py from iso-codes %s (Debian), LGPL-2.1-or-later:"
        % iso_version(),
        "# see LICENSE.iso-codes.LGPL-2.1. Do not edit: change the script and rerun it.",
        "# ISO 3166-1 countries no other table has: alpha-3 id, type, the English names (from",
        "# the msgids), then the common name (else the name) as translated in",
        "# " + " ".join(used) + ".",
        "# Names are cut at the first comma and lose \"(...)\"; names of two countries, names",
        "# another table has and names that are frequent words are dropped (see the script).",
    ]
    n = 0
    for cid in sorted(kept):
        if not kept[cid]:
            log("no-alias", cid, "every name was dropped")
            continue
        lines.append("%s\tplace\t%s" % (cid, "|".join(kept[cid])))
        n += 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    total = sum(len(v) for v in kept.values())
    print("wrote %s: %d countries, %d aliases" % (args.out, n, total), file=sys.stderr)


if __name__ == "__main__":
    main()
