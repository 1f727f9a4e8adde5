"""Third-person pronouns resolved to the right person, scored on GUM's gold coreference chains.

    python benchmarks/pronouns.py [CORPUS ...] [--split all|look|held] [--show N]

Each CORPUS is a folder `scripts/gum_entities.py` wrote (default: /work/corpora/gum-news and
/work/corpora/gum-bio, the latter with `--genres bio`); `--split` keeps the documents of one side of
`scripts/make_splits.py`'s `part_of`. GUM marks every mention of an entity, pronouns included, with the
entity it belongs to, so a pronoun's gold referent is its chain.

What is scored:

- *pronouns*: each "he", "him", "his", "himself", "she", "her", "hers", "herself" that GUM marks as a person
  whose chain has a named mention before the pronoun (a name the pronoun can be resolved to). The coref
  stage's verdict for it (the entity of its pronoun mention, newsgraph's `scratch.mentions`) is right when
  most of that entity's name mentions that overlap a gold name overlap one of the pronoun's chain (so a
  wrong merge of two people counts for the larger of the two). Precision is over the
  pronouns the stage resolved, recall over all of them.
- *speakers*: each quote whose speaker mention is such a pronoun, its speaker entity judged the same way
  (what a "who gets quoted" count reads).
- *unnamed*: each person pronoun whose chain has no named mention before it ("my mum ... her", "a woman ...
  she"): leaving it without a name is right, so `resolved` counts the pronouns given one (errors; a few are
  right, when the chain's name comes later: "her life ... Gloria's eczema").

Each text file goes through `newsgraph.extract` as scraped text, with GUM's date as the publication date.
Evaluation only: the corpus stays outside the project.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
DEFAULT = (Path("/work/corpora/gum-news"), Path("/work/corpora/gum-bio"))
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@dataclass
class Tally:
    gold: int = 0
    resolved: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)
    unresolved_is_right: bool = False  # the `unnamed` tally: a pronoun left without a name is right, not an error

    def add(self, ok: bool | None, note: str) -> None:
        """One gold item: None when nothing was resolved, else whether the resolution is right."""
        self.gold += 1
        if ok is not None:
            self.resolved += 1
            self.right += ok
        if ok is False or (ok is None and not self.unresolved_is_right):
            self.errors.append(note)

    def figures(self) -> tuple[float, float, float]:
        """Precision over the resolved items, recall over all, F1."""
        p = self.right / self.resolved if self.resolved else 0.0
        r = self.right / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        if self.unresolved_is_right:
            return f"{label:10} {self.gold:6} {self.resolved:9}      -   given a name: {self.resolved} of {self.gold}"
        p, r, f = self.figures()
        return f"{label:10} {self.gold:6} {self.resolved:9} {self.right:6}   P {p:.3f}  R {r:.3f}  F1 {f:.3f}"

    def as_dict(self) -> dict:
        p, r, f = self.figures()
        return {"gold": self.gold, "resolved": self.resolved, "right": self.right, "precision": round(p, 4),
                "recall": round(r, 4), "f1": round(f, 4)}


@cache
def _make_splits():
    """scripts/make_splits.py as a module, loaded once (its `part_of` cuts the look and held parts)."""
    spec = importlib.util.spec_from_file_location("make_splits", SCRIPTS / "make_splits.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def part_of(name: str) -> str:
    return _make_splits().part_of(name)


def documents(corpora: list[Path], split: str) -> list[tuple[Path, dict]]:
    out = []
    for corpus in corpora:
        for gold_path in sorted((corpus / "gold").glob("*.json")):
            if split != "all" and part_of(gold_path.stem) != split:
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append((corpus / gold["text_file"], gold))
    return out


def gold_pronouns(gold: dict) -> tuple[list[dict], dict[tuple[int, int], str]]:
    """The resolvable pronouns (a named mention of their chain comes before them), and each named person
    mention's span with its chain."""
    chain_of = {(m["start"], m["end"]): m["entity"] for m in gold["entity_mentions"]
                if m["syntactic_type"] == "NAM" and m.get("gum_type") == "person"}
    first: dict[str, int] = {}
    for (start, _), chain in chain_of.items():
        first[chain] = min(start, first.get(chain, start))
    pronouns = [m for m in gold["entity_mentions"] if m["text"].lower() in PRONOUNS and m.get("gum_type") == "person"
                and first.get(m["entity"], m["start"]) < m["start"]]
    return pronouns, chain_of


def unnamed_pronouns(gold: dict) -> list[dict]:
    """Person pronouns whose chain has no named mention before them ('my mother ... she'): no name is right."""
    first: dict[str, int] = {}
    for m in gold["entity_mentions"]:
        if m["syntactic_type"] == "NAM" and m.get("gum_type") == "person":
            first[m["entity"]] = min(m["start"], first.get(m["entity"], m["start"]))
    return [m for m in gold["entity_mentions"] if m["text"].lower() in PRONOUNS and m.get("gum_type") == "person"
            and first.get(m["entity"], len(gold.get("text", "")) + 10**9) > m["start"]]


def chain_of_entity(spans: list[tuple[int, int]], chain_of: dict[tuple[int, int], str]) -> str | None:
    """The gold chain most of an entity's name mentions overlap (a wrong merge belongs to its larger part)."""
    votes = Counter(chain for span in spans for (s, e), chain in chain_of.items() if span[0] < e and s < span[1])
    return votes.most_common(1)[0][0] if votes else None


def run_document(path: Path, gold: dict):
    """The article and its final mentions (names, pronouns, descriptions), from one pipeline run."""
    import newsgraph
    from newsgraph.pipeline import STAGES, Stage
    from newsgraph.understand.context import MENTIONS

    kept = {}

    def keep(doc):
        kept["mentions"] = list(doc.scratch.get(MENTIONS, []))
        return doc

    stages = (*STAGES, Stage("keep_mentions", keep))
    article = newsgraph.extract(path, kind="text", published=gold.get("dct"), stages=stages)
    return article, kept["mentions"]


def score(docs: list[tuple[Path, dict]]) -> dict[str, Tally]:
    tallies = {"pronouns": Tally(), "speakers": Tally(), "unnamed": Tally(unresolved_is_right=True)}
    for path, gold in docs:
        article, mentions = run_document(path, gold)
        names: dict[str, list[tuple[int, int]]] = {}
        for m in mentions:
            if m.kind == "name" and m.entity:
                names.setdefault(m.entity, []).append((m.start, m.end))
        by_start = {m.start: m for m in mentions if m.kind == "pronoun"}
        entity_name = {e.id: e.name for e in article.entities}
        speakers = {q.speaker_mention.start: q for q in article.quotes
                    if q.speaker_mention is not None and q.speaker_mention.text.lower() in PRONOUNS}
        text = path.read_text(encoding="utf-8")
        pronouns, chain_of = gold_pronouns(gold)
        gold_names = {chain: text[s:e] for (s, e), chain in sorted(chain_of.items(), reverse=True)}
        for m in pronouns:
            context = text[max(0, m["start"] - 80):m["end"] + 20].replace("\n", " ")
            mine = by_start.get(m["start"])
            entity = mine.entity if mine is not None else None
            ok = None if not entity else chain_of_entity(names.get(entity, []), chain_of) == m["entity"]
            tallies["pronouns"].add(ok, f"{path.stem}: {m['text']!r} gold {gold_names[m['entity']]!r} "
                                        f"got {entity_name.get(entity, entity)!r} | ...{context}")
            quote = speakers.get(m["start"])
            if quote is not None:
                ok = None if not quote.speaker else \
                    chain_of_entity(names.get(quote.speaker, []), chain_of) == m["entity"]
                tallies["speakers"].add(ok, f"{path.stem}: {m['text']!r} gold {gold_names[m['entity']]!r} "
                                            f"got {quote.speaker_name!r} | ...{context}")
        for m in unnamed_pronouns(gold):  # right when left without a name: 'resolved' counts the names given
            mine = by_start.get(m["start"])
            named = bool(mine is not None and mine.entity and names.get(mine.entity))
            context = text[max(0, m["start"] - 80):m["end"] + 20].replace("\n", " ")
            tallies["unnamed"].add(None if not named else False,
                                   f"{path.stem}: {m['text']!r} got {entity_name.get(mine.entity) if named else None!r}"
                                   f" | ...{context}")
    return tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT))
    parser.add_argument("--split", choices=("all", "look", "held"), default="all")
    parser.add_argument("--show", type=int, default=0, help="print the first N errors of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args(argv)
    docs = documents(args.corpora, args.split)
    tallies = score(docs)
    if args.json:
        print(json.dumps({k: t.as_dict() for k, t in tallies.items()} | {"documents": len(docs)}))
        return 0
    print(f"{len(docs)} documents ({args.split})")
    print(f"{'':10} {'gold':>6} {'resolved':>9} {'right':>6}")
    for kind, tally in tallies.items():
        print(tally.row(kind))
    for kind, tally in tallies.items():
        for note in tally.errors[:args.show]:
            print(f"  {kind[:-1]} {note}")
    kinds = Counter(n.split(": ")[0] for n in tallies["pronouns"].errors)
    if args.show:
        print("errors by document:", dict(kinds.most_common(10)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
