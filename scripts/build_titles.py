"""Generate `src/newsgraph/data/titles_public.json`: ranks, offices and forms of address from WordNet 3.0.

    apt-get install wordnet-base            # Princeton WordNet 3.0 as Debian packages it
    python scripts/build_titles.py [--wordnet /usr/share/wordnet] [--out src/newsgraph/data/titles_public.json]

Source: Princeton WordNet 3.0 (https://wordnet.princeton.edu), the noun database files `data.noun` and
`index.noun` of Debian's `wordnet-base` package. Licence: the WordNet 3.0 licence ("Permission to use, copy,
modify and distribute this software and database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with the following copyright notice and
statements...": WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.) The generated file repeats that notice in its `_source`.

Each category is every lemma below a few root synsets (hyponyms, not instances, so no individual people),
minus what cannot stand before a name as a title: synsets marked as slang, colloquial, disparaging,
archaic or obscene; lemmas with digits or more than four words; lemmas naming a dynasty or a country's
particular office ("King_of_France"); synsets that name one person or a dynasty ("Potemkin", "Capetian");
and single words that WordNet also knows as someone's name ("Marshall", "Daniel"). No article text is read.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

# category -> (lemma, sense index in index.noun order) roots whose hyponym trees are taken whole
ROOTS = {
    "military_ranks": [("military_officer", 0), ("noncommissioned_officer", 0), ("enlisted_man", 0),
                       ("commissioned_officer", 0)],
    "police_ranks": [("policeman", 0), ("lawman", 0)],
    "offices": [("head_of_state", 0), ("legislator", 0), ("diplomat", 0), ("judge", 0), ("executive", 0),
                ("official", 0), ("spokesperson", 0), ("presiding_officer", 0), ("mayor", 0), ("governor", 0),
                ("secretary", 0), ("minister", 1), ("chief_of_staff", 0), ("commissioner", 0), ("director", 0),
                ("president", 0), ("president", 2), ("chairman", 0), ("coroner", 0), ("professor", 0), ("coach", 0), ("prosecutor", 0)],
    "religious": [("clergyman", 0), ("religious_leader", 0), ("rabbi", 0), ("imam", 0),
                  ("ayatollah", 0), ("mufti", 0), ("sheik", 0), ("pope", 0), ("cantor", 1)],
    "nobility": [("aristocrat", 0), ("sovereign", 0)],
    "address": [("title", 5)],  # "an identifying appellation signifying status or function: e.g. Mr. or General"
}
EXCLUDED_USAGE = ("colloquialism", "slang", "disparagement", "archaism", "ethnic_slur", "obscenity", "trope",
                  "euphemism")
MAX_WORDS = 4
_PARTICULAR = re.compile(r"_of_(?:England|France|Great_Britain|the_Germans|Rome|Iran|the_United_States)$|^United_States")


def read_wordnet(folder: Path):
    """Synsets of data.noun (offset -> (lemmas, pointers, gloss)) and index.noun (lemma -> offsets in sense order)."""
    synsets, index = {}, defaultdict(list)
    for line in (folder / "data.noun").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        count = int(parts[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(count)]
        k = 4 + 2 * count
        pointers = [tuple(parts[k + 1 + 4 * i:k + 4 + 4 * i]) for i in range(int(parts[k]))]
        synsets[parts[0]] = (lemmas, pointers, gloss)
    for line in (folder / "index.noun").open(encoding="latin-1"):
        if not line.startswith("  "):
            parts = line.split()
            index[parts[0]] = parts[-int(parts[2]):]
    return synsets, index


def usage_blocked(synsets, index) -> set[str]:
    """Offsets of synsets whose usage domain is slang, colloquial, disparaging, archaic and the like."""
    domains = {off for name in EXCLUDED_USAGE for off in index.get(name, [])[:1]}
    return {off for off, (_, pointers, _) in synsets.items()
            if any(sym == ";u" and target in domains for sym, target, _ in pointers)}


def hyponyms(synsets, root: str, blocked: set[str]) -> list[str]:
    """Every synset below the root (itself included), not following instances, skipping blocked synsets."""
    out, stack, seen = [], [root], set()
    while stack:
        off = stack.pop()
        if off in seen or off in blocked:
            continue
        seen.add(off)
        out.append(off)
        stack.extend(t for sym, t, pos in synsets[off][1] if sym == "~" and pos == "n")
    return out


def names_a_person(lemmas: list[str], gloss: str) -> bool:
    """A synset for one person or a dynasty ('Potemkin', 'Grigori_Potemkin'; 'Capetian'), not a role."""
    if re.search(r"\b(dynasty|\d{3,4})\b", gloss):
        return True
    capital = [w for w in lemmas if w[:1].isupper()]
    return any(a != b and b.endswith("_" + a) for a in capital for b in capital) or \
        any(re.search(r"_[A-Z]\._", w) for w in capital)


def _also_someone(lemma: str, synsets, index) -> bool:
    """Whether a capitalised lemma is also the name of an individual (an instance synset)."""
    return any(sym == "@i" for off in index.get(lemma.lower(), []) for sym, _, _ in synsets[off][1])


def title_form(lemma: str) -> str | None:
    """The lemma as a title is written ('lieutenant_colonel' -> 'Lieutenant Colonel'), or None to leave it out."""
    if _PARTICULAR.search(lemma) or any(c.isdigit() for c in lemma) or lemma.count("_") >= MAX_WORDS:
        return None
    words = lemma.replace("_", " ").split()
    small = {"of", "the", "for", "and", "in", "to", "at", "d'affaires"}
    return " ".join(w if w[:1].isupper() or (i and w in small) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def build(folder: Path) -> dict:
    """The generated vocabulary, category by category."""
    synsets, index = read_wordnet(folder)
    blocked = usage_blocked(synsets, index)
    out: dict = {"_doc": "Generated by scripts/build_titles.py from Princeton WordNet 3.0; do not edit by hand "
                         "(add words to titles.json instead). Each list holds titles as written before a name.",
                 "_source": "WordNet 3.0 (Debian package wordnet-base). WordNet 3.0 Copyright 2006 by Princeton "
                            "University. All rights reserved. Used under the WordNet 3.0 licence: permission to use, "
                            "copy, modify and distribute for any purpose and without fee or royalty. THE DATABASE IS "
                            "PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES."}
    clergy = {off for lemma, n in ROOTS["religious"] if len(index.get(lemma, [])) > n
              for off in hyponyms(synsets, index[lemma][n], blocked)}
    for category, roots in ROOTS.items():
        found: dict[str, None] = {}
        for lemma, n in roots:
            offsets = index.get(lemma, [])
            if len(offsets) <= n:
                raise SystemExit(f"build_titles: WordNet has no sense {n} of {lemma!r}")
            for off in hyponyms(synsets, offsets[n], blocked):
                if category == "address" and off in clergy:
                    continue  # "Father", "Rabbi": religious titles, not forms of address
                if names_a_person(synsets[off][0], synsets[off][2]):
                    continue
                for word in synsets[off][0]:
                    if "_" not in word and _also_someone(word, synsets, index):
                        continue  # "Daniel", "Marshall": titles, but names of people too
                    form = title_form(word)
                    if form:
                        found[form] = None
        out[category] = sorted(found, key=str.lower)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "src/newsgraph/data/titles_public.json")
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").exists():
        raise SystemExit(f"build_titles: {args.wordnet}/data.noun not found (apt-get install wordnet-base)")
    data = build(args.wordnet)
    text = "{\n" + ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items())
    args.out.write_text(text + "\n}\n", encoding="utf-8")
    print(args.out, {k: len(v) for k, v in data.items() if not k.startswith("_")})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
