"""What each entity rule family adds on real annotated news: the dev figures with each family switched off.

    python benchmarks/entity_ablation.py [--families all|none|NAME,...] [--sets meantime,ecbplus,polnear,gum,finer]
                                         [--splits /work/splits] [--gum /work/corpora/gum-news]
                                         [--finer /work/corpora/finer] [--spacy] [--digits 4]

Gold (read from ../shared/eval, never shipped): MEANTIME (Wikinews, CC BY 4.0) entity mentions,
scored by `meantime.py`'s own scorer (overlap F1 on the body and with the title, by type); ECB+
(CC BY 3.0) named person mentions, the share some person entity covers (`xdoc.py`'s `detected`,
without the knowledge base); PolNeAR quote attribution, strict content+speaker F1 by `polnear.py`'s
matcher; GUM's Wikinews news and interviews (texts CC BY 2.5, annotations CC BY 4.0), converted to
MEANTIME's layout by `scripts/gum_entities.py` and scored like MEANTIME (`gum_*`, look and held from
the folders beside it, DIR-look and DIR-held); FiNER-ORD's financial news (CC BY-NC 4.0, evaluation only),
converted by `scripts/finer_entities.py` and scored the same way (`fin_*`); GUM's pronouns (`pronouns`:
`benchmarks/pronouns.py`'s F1 of third-person pronouns resolved to the right person, `pn_f1`, over gum-news and
gum-bio; a name a family cuts or retypes can move where pronouns go). Each document is parsed once and
the parses are reused by every configuration, so a row
costs only the rule stages, and only those the scores read (entities and coref, which may still retype a name;
for PolNeAR up to the quotes).
`--splits DIR` also scores the look and held-out parts (DIR/meantime-look,
...; ECB+ odd and even topics). `--spacy` adds bare spaCy (one parse of the whole file, as
`spacy_ner_extract.py` does). Prints one table row per configuration, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_ablation import gold_docs, load_script  # noqa: E402

ECB_LOOK = {1, 3, 5, 7, 9, 11, 13, 19, 21, 23, 25, 27, 29, 31, 33, 35}


def _script(name: str):
    return load_script(EVAL / f"{name}.py", name)


class CachedPipe:
    """spaCy's `pipe` with every parse kept by text, so each configuration re-uses them."""

    def __init__(self, nlp):
        self.nlp, self.cache = nlp, {}

    def pipe(self, texts):
        texts = list(texts)
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        for text, parsed in zip(todo, self.nlp.pipe(todo)):
            self.cache[text] = parsed
        return [self.cache[t] for t in texts]


# ---------------------------------------------------------------- corpora

def meantime_docs(folder: Path = EVAL / "meantime") -> list[dict]:
    """A folder in MEANTIME's layout (gold/*.json, text/*.txt): MEANTIME itself, or GUM's Wikinews part."""
    docs = []
    for gpath in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        path = folder / gold["text_file"]
        docs.append({"name": gold["name"], "gold": gold, "dct": gold["dct"], "path": str(path),
                     "text": path.read_text(encoding="utf-8")})
    return docs


def ecb_docs() -> tuple[list[dict], dict[str, list[dict]]]:
    gold = json.loads((EVAL / "ecbplus" / "gold.json").read_text(encoding="utf-8"))
    mentions: dict[str, list[dict]] = {}
    for m in gold["mentions"]:
        if m["named"]:
            mentions.setdefault(m["file"], []).append(m)
    return gold["documents"], mentions


def polnear_docs(polnear) -> list[tuple[str, list]]:
    """(text path, gold attributions) per PolNeAR dev article, read as the quote ablation reads them."""
    return gold_docs(polnear, EVAL / "polnear-dev")


# ---------------------------------------------------------------- running

def stages_up_to(last: str) -> tuple:
    """The pipeline's stages up to and with `last`: what the scores read, nothing after it."""
    from newsgraph.pipeline import STAGES

    names = [s.name for s in STAGES]
    return STAGES[:names.index(last) + 1]


def extract_all(paths: list[str], published: dict[str, str] | None = None, last: str = "claims") -> dict[str, dict]:
    import newsgraph

    out, stages = {}, stages_up_to(last)
    for path in paths:
        try:
            article = newsgraph.extract(Path(path), published=(published or {}).get(path), stages=stages)
            out[path] = article.model_dump()
        except newsgraph.InputError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            out[path] = {}
    return out


def bare_spacy(paths: list[str]) -> dict[str, dict]:
    """Records as `spacy_ner_extract.py` prints them: one parse of the whole file."""
    from newsgraph.understand.parse import load_model

    types = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
    nlp, out = load_model(), {}
    for path in paths:
        doc = nlp(Path(path).read_text(encoding="utf-8"))
        ents: dict = {}
        for e in doc.ents:
            if e.label_ in types:
                ent = ents.setdefault((types[e.label_], e.text), {"id": f"e{len(ents) + 1}", "type": types[e.label_],
                                                                   "mentions": []})
                ent["mentions"].append({"start": e.start_char, "end": e.end_char, "text": e.text})
        out[path] = {"entities": list(ents.values()), "quotes": [], "dates": [], "events": []}
    return out


# ---------------------------------------------------------------- scoring

def score_meantime(meantime, docs: list[dict], records: dict[str, dict], names: set[str] | None) -> dict:
    chosen = [d for d in docs if names is None or d["name"] in names]
    res = meantime.score(chosen, {d["name"]: records.get(d["path"], {}) for d in chosen}, None, False)
    by_type = {t: res["entities_body"][t]["overlap"]["f1"] for t in ("person", "organization", "place")}
    return {"body": res["entities_body"]["micro"]["overlap"]["f1"], "all": res["entities_all"]["micro"]["overlap"]["f1"],
            **by_type, "exact": res["entities_body"]["micro"]["exact"]["f1"]}


DIGITS = 3  # decimals of every printed figure (`--digits`)


def unrounded_prf(*counts):
    """The evaluation scripts' `prf` (MEANTIME's takes tp twice, PolNeAR's once) without their rounding to 3 places."""
    tp_p, npred, tp_g, ngold = counts if len(counts) == 4 else (counts[0], counts[1], counts[0], counts[2])
    p = tp_p / npred if npred else 0.0
    r = tp_g / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1} if len(counts) == 4 else (p, r, f1)


def detected(docs: list[dict], gold: dict[str, list[dict]], records: dict[str, dict], topics=None) -> dict:
    """Share of named gold person mentions some person entity's mention overlaps (all, and without line 1)."""
    hit = {"all": [0, 0], "body": [0, 0]}
    for d in docs:
        if topics is not None and d["topic"] not in topics:
            continue
        rec = records.get(str(EVAL / "ecbplus" / d["file"])) or {}
        spans = [(m["start"], m["end"]) for e in rec.get("entities") or [] if e.get("type") == "person"
                 for m in e.get("mentions") or []]
        for g in gold.get(d["file"], []):
            found = any(s < g["end"] and g["start"] < e for s, e in spans)
            for view in ("all", "body") if not g["first_line"] else ("all",):
                hit[view][0] += found
                hit[view][1] += 1
    return {view: round(a / b, DIGITS) if b else None for view, (a, b) in hit.items()}


def score_polnear(polnear, docs: list[tuple[str, list]], records: dict[str, dict], names: set[str] | None) -> float:
    tp = npred = ngold = 0
    for path, gold in docs:
        if names is not None and Path(path).stem not in names:
            continue
        preds = polnear.predictions(records.get(path) or {})
        npred += len(preds)
        ngold += len(gold)
        for i, j in polnear.match(preds, gold, True):
            tp += bool(preds[i]["source"] & gold[j]["source"]) if gold[j]["source"] else not preds[i]["source"]
    return polnear.prf(tp, npred, ngold)[2]


def split_names(splits: Path | None, name: str, sub: str) -> set[str] | None:
    folder = splits / name / sub if splits else None
    return {p.stem for p in folder.glob("*")} if folder and folder.is_dir() else None


# ---------------------------------------------------------------- main

def configurations(spec: str) -> list[tuple[str, tuple[str, ...]]]:
    from newsgraph.understand.rules import FAMILIES

    every = tuple(FAMILIES)
    rows = [("all rules", ())]
    if spec == "all":
        rows += [(f"- {name}", (name,)) for name in every]
    elif spec != "none":
        rows += [(f"- {name}", (name,)) for name in spec.split(",")]
    rows.append(("no rules", every))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default="all", help="all, none, or comma-separated family names")
    parser.add_argument("--sets", default="meantime,ecbplus,polnear",
                        help="any of meantime, ecbplus, polnear, gum, finer, pronouns")
    parser.add_argument("--splits", type=Path, help="folder with meantime-look, meantime-held, polnear-look, ...")
    parser.add_argument("--gum", type=Path, default=Path("/work/corpora/gum-news"),
                        help="GUM in MEANTIME's layout (scripts/gum_entities.py); its parts are DIR-look, DIR-held")
    parser.add_argument("--finer", type=Path, default=Path("/work/corpora/finer"),
                        help="FiNER in MEANTIME's layout (scripts/finer_entities.py); its parts are DIR-look, DIR-held")
    parser.add_argument("--spacy", action="store_true", help="add a bare spaCy row")
    parser.add_argument("--digits", type=int, default=3, help="decimals of the figures (the evaluation scripts round "
                                                                   "to 3; more reads small differences)")
    parser.add_argument("--save", type=Path, help="write each configuration's MEANTIME records here "
                                                  "(JSON Lines for `meantime.py --load`)")
    args = parser.parse_args()
    sets = set(args.sets.split(","))

    from newsgraph.understand import parse
    from newsgraph.understand.rules import switched_off

    parse.parser().nlp = CachedPipe(parse.load_model())
    meantime, polnear = _script("meantime"), _script("polnear")
    global DIGITS
    DIGITS = args.digits
    if args.digits > 3:  # the scripts round to 3 places themselves
        meantime.prf = polnear.prf = unrounded_prf
    mt = meantime_docs() if "meantime" in sets else []
    laid_out = {}  # other sets in MEANTIME's layout: column prefix -> (folder, documents)
    for name, prefix, folder in (("gum", "gum", args.gum), ("finer", "fin", args.finer)):
        if name in sets:
            if not (folder / "gold").is_dir():
                sys.exit(f"entity_ablation.py: {folder}: no gold/ folder; make it with scripts/{name}_entities.py "
                         f"SOURCE {folder}")
            laid_out[prefix] = (folder, meantime_docs(folder))
    others = [d for _, docs in laid_out.values() for d in docs]
    ecb, ecb_gold = ecb_docs() if "ecbplus" in sets else ([], {})
    pn = polnear_docs(polnear) if "polnear" in sets else []
    published = {d["path"]: d["dct"] for d in mt + others}
    paths = [d["path"] for d in mt + others] + [str(EVAL / "ecbplus" / d["file"]) for d in ecb]  # read for entities only
    quoted = [p for p, _ in pn]  # read up to the quotes
    parts = {"": None}
    if args.splits:
        parts.update({"look": "look", "held": "held"})

    def row(records: dict[str, dict]) -> dict:
        out = {}
        for part, sub in parts.items():
            tag = f"{part}:" if part else ""
            if mt:
                for k, v in score_meantime(meantime, mt, records, split_names(args.splits, f"meantime-{sub}", "gold")
                                           if sub else None).items():
                    out[f"{tag}mt_{k}"] = v
            for prefix, (folder, docs) in laid_out.items():
                names = split_names(folder.parent, f"{folder.name}-{sub}", "gold") if sub else None
                for k, v in score_meantime(meantime, docs, records, names).items():
                    out[f"{tag}{prefix}_{k}"] = v
            if ecb:
                topics = None if not sub else ECB_LOOK if sub == "look" else {d["topic"] for d in ecb} - ECB_LOOK
                for k, v in detected(ecb, ecb_gold, records, topics).items():
                    out[f"{tag}ecb_{k}"] = v
            if pn:
                out[f"{tag}polnear"] = score_polnear(polnear, pn, records, split_names(
                    args.splits, f"polnear-{sub}", "text") if sub else None)
        return out

    results = {}
    if args.spacy:
        results["bare spaCy"] = row(bare_spacy(paths + quoted))
        _print(results)
    for label, off in configurations(args.families):
        with switched_off(*off):
            records = extract_all(paths, published, "coref") | extract_all(quoted, None, "quotes")
            pronoun_rows = pronoun_figures(parts) if "pronouns" in sets else {}
        results[label] = row(records) | pronoun_rows
        if args.save:
            _save(args.save / f"{label.replace(' ', '_').replace('-_', 'no_')}.jsonl", mt, records)
        _print({label: results[label]}, header=len(results) == 1)
    print(json.dumps(results))


def pronoun_figures(parts: dict[str, str | None]) -> dict[str, float]:
    """`benchmarks/pronouns.py`'s pronoun F1 on its default corpora, for the whole set and each part asked."""
    bench = sys.modules.get("pronouns")
    if bench is None:  # registered before it runs: its dataclass looks its module up
        import importlib.util

        spec = importlib.util.spec_from_file_location("pronouns", Path(__file__).resolve().parent / "pronouns.py")
        bench = sys.modules["pronouns"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
    docs = bench.documents(list(bench.DEFAULT), "all")
    out = {}
    for part, sub in parts.items():
        chosen = [(p, g) for p, g in docs if sub is None or bench.part_of(p.stem) == sub]
        out[f"{part}:pn_f1" if part else "pn_f1"] = bench.score(chosen)["pronouns"].figures()[2]
    return out


def _save(path: Path, docs: list[dict], records: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(dict(records.get(d["path"]) or {}, _name=d["name"]), ensure_ascii=False) + "\n")


def _print(results: dict[str, dict], header: bool = True) -> None:
    for label, figures in results.items():
        if header:
            print("| configuration | " + " | ".join(figures) + " |")
            print("|---" * (len(figures) + 1) + "|")
            header = False
        print(f"| {label} | " + " | ".join("" if v is None else f"{v:.{DIGITS}f}" for v in figures.values()) + " |",
              flush=True)


if __name__ == "__main__":
    main()
