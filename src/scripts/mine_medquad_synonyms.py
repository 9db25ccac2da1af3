#!/usr/bin/env python3
"""Mines MedQuAD's focus/synonyms lists into Solr synonym lines (the mined section of synonyms.txt).

usage: src/scripts/mine_medquad_synonyms.py shared/data/medquad/medquad.jsonl > mined.txt

Kept conservative, since every entry also expands queries: a name and its alternatives go on one line only when
each is a short plain name (1-4 words, letters/digits/hyphens), not a bare acronym, and does not merely repeat the
focus' words ("Esophageal achalasia" adds nothing to "Achalasia").
"""
import json
import re
import sys

PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9' -]*$")


def ok(name):
    words = name.split()
    if not (1 <= len(words) <= 4) or not PLAIN.match(name):
        return False
    if len(words) == 1 and (len(name) < 6 or name.isupper()):
        return False
    return not any(w.isupper() and len(w) <= 5 for w in words)


def main(path):
    groups = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            focus = d.get("focus", "").strip()
            if not d.get("synonyms") or not ok(focus):
                continue
            fwords = set(focus.lower().replace("-", " ").split())
            names = groups.setdefault(focus.lower(), [focus.lower()])
            for s in d["synonyms"]:
                s = s.strip()
                low = s.lower()
                if ok(s) and low not in names and not (set(low.replace("-", " ").split()) & fwords):
                    names.append(low)
    for names in groups.values():
        if len(names) > 1:
            print(", ".join(n.replace(",", " ") for n in names))


if __name__ == "__main__":
    main(sys.argv[1])
