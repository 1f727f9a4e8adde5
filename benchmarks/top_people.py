"""The most-mentioned people of knowledge bases of the aed-dev and Zyte pages: the whole set, and its look and
held-out parts, to be judged by hand (each name a real person or not).

    python benchmarks/top_people.py [--splits /work/splits] [--top 50] [--out DIR [--keep]] [--cache DIR]
                                    [--html DIR ... | --text DIR ...]

Pages are read from ../shared/eval/{aed-dev,zyte}/html (never shipped). Each page is extracted once with every
stage; the records go into three fresh SQLite stores (whole, look, held: a page's part is the split folder
that holds its file) and each store's `people_with_counts` view gives the list, as
`sqlite3 DB "select mentions, articles, name from people_with_counts order by mentions desc, articles desc"`
does for a store built by `newsgraph ingest`. `--cache DIR` keeps spaCy's parses between runs (DocBin), so a
run after a rule change costs only the rule stages and the stores. `--keep` leaves the three stores in `--out`
(whole.db, look.db, held.db) to read the articles behind a name.

`--html DIR ...` builds one store, `pages`, of every HTML page (`*.html`, `*.htm`, gzipped or not) in
those folders and their `html/` subfolders instead, and two more of its halves, `pages-look` and `pages-held`, by
the shared split's rule on the file names: a second set for the people of a KB, such as the 774 teacher pages of
scripts/train_text_lines.py (public test pages of extraction libraries, several hundred sites). `--text DIR ...`
does the same for plain-text articles (`*.txt`, read by the text reader), such as a news corpus kept outside the
project.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import make_splits  # noqa: E402  the shared split's rule

EVAL = ROOT.parent / "shared" / "eval"
SETS = ("aed-dev", "zyte")
SPLIT_NAMES = {"aed-dev": "aed", "zyte": "zyte"}
ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START", "SPACY"]


class CachedParses:
    """spaCy's `pipe`, with the parses kept by text in a folder between runs."""

    def __init__(self, nlp, folder: Path | None):
        from spacy.tokens import DocBin

        self.nlp, self.folder, self.cache, self.added = nlp, folder, {}, False
        if folder and (folder / "texts.json").exists():
            texts = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
            docs = DocBin().from_bytes((folder / "docs.bin").read_bytes()).get_docs(nlp.vocab)
            self.cache = dict(zip(texts, docs))

    def pipe(self, texts):
        texts = list(texts)
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        for text, doc in zip(todo, self.nlp.pipe(todo)):
            self.cache[text], self.added = doc, True
        return [self.cache[t] for t in texts]

    def save(self) -> None:
        from spacy.tokens import DocBin

        if not (self.folder and self.added):
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        texts = list(self.cache)
        docs = DocBin(attrs=ATTRS)
        for text in texts:
            docs.add(self.cache[text])
        (self.folder / "docs.bin").write_bytes(docs.to_bytes())
        (self.folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")


def parts(splits: Path | None) -> dict[str, str]:
    """Page file name -> 'look' or 'held'."""
    out = {}
    for name in SPLIT_NAMES.values():
        for part in ("look", "held"):
            folder = splits / f"{name}-{part}" / "html" if splits else None
            if folder and folder.is_dir():
                out.update({p.name: part for p in folder.iterdir()})
    return out


def html_pages(folders: list[Path]) -> list[Path]:
    """Every HTML page (gzipped or not) in these folders and their html/ subfolders, sorted."""
    suffixes = (".html", ".htm", ".html.gz", ".htm.gz")
    return sorted(p for folder in folders for where in (folder, folder / "html") if where.is_dir()
                  for p in where.iterdir() if p.is_file() and p.name.lower().endswith(suffixes))


def text_files(folders: list[Path]) -> list[Path]:
    """Every plain-text article (`*.txt`) in these folders, sorted."""
    return sorted(p for folder in folders if folder.is_dir() for p in folder.iterdir()
                  if p.is_file() and p.suffix == ".txt")


def top_people(articles: list, db: Path, top: int) -> list[tuple[int, int, str]]:
    """(mentions, articles, name) of the `top` most-mentioned people of a fresh store of these articles."""
    from newsgraph import open_store
    from newsgraph.ingest import add_articles

    with open_store(f"sqlite:///{db}", create=True) as store:
        add_articles(store, articles)
    with sqlite3.connect(db) as con:
        return con.execute("SELECT mentions, articles, name FROM people_with_counts "
                           "ORDER BY mentions DESC, articles DESC, name LIMIT ?", (top,)).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=Path, help="folder with aed-look, aed-held, zyte-look, zyte-held")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--out", type=Path, help="write whole.txt, look.txt, held.txt here")
    parser.add_argument("--cache", type=Path, help="keep spaCy's parses in this folder between runs")
    parser.add_argument("--keep", action="store_true", help="keep the stores as whole.db, look.db, held.db in --out")
    parser.add_argument("--html", type=Path, nargs="+", default=[],
                        help="a folder of HTML pages to read instead of the dev sets (any number)")
    parser.add_argument("--text", type=Path, nargs="+", default=[],
                        help="a folder of plain-text articles to read instead of the dev sets (any number)")
    args = parser.parse_args()

    import newsgraph
    from newsgraph.understand import parse

    pipe = CachedParses(parse.load_model(), args.cache)
    parse.parser().nlp = pipe
    part_of = parts(args.splits)
    found: dict[str, list] = {"look": [], "held": [], "": []}
    given = html_pages(args.html) + text_files(args.text)
    for path in given or sorted(p for s in SETS for p in (EVAL / s / "html").iterdir()):
        try:
            found[part_of.get(path.name, "")].append(newsgraph.extract(path))
        except (newsgraph.InputError, newsgraph.StageError) as exc:  # reported, as a batch ingest does; the rest go on
            print(f"{path}: {exc}", file=sys.stderr)
    pipe.save()
    if given:
        halves = {"look": [], "held": []}
        for article in found[""]:
            halves[make_splits.part_of(make_splits.doc_id(Path(article.source)))].append(article)
        lists = {"pages": found[""], "pages-look": halves["look"], "pages-held": halves["held"]}
    else:
        lists = {"whole": found["look"] + found["held"] + found[""]}
        if args.splits:
            lists.update(look=found["look"], held=found["held"])
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles in lists.items():
            db = args.out / f"{name}.db" if args.keep and args.out else Path(tmp) / f"{name}.db"
            if args.keep and args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                db.unlink(missing_ok=True)
            rows = top_people(articles, db, args.top)
            text = "".join(f"{m} | {a} | {n}\n" for m, a, n in rows)
            print(f"## {name} ({len(articles)} pages): mentions | articles | name\n{text}")
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{name}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
