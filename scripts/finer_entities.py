"""Convert FiNER's financial news into a third entity check set in the layout `meantime.py` reads.

    python scripts/finer_entities.py SOURCE OUT [--no-splits]

SOURCE is a FiNER working copy (it has `data/news_data/*.csv.gz`) or a git directory of one (files are then
read with `git show HEAD:data/news_data/...`). OUT (e.g. /work/corpora/finer) gets `text/<name>.txt`,
`gold/<name>.json` and a README, the layout of `shared/eval/meantime` (see its README), and next to it
OUT-look and OUT-held, folders of symbolic links cut by `scripts/make_splits.py`'s `part_of`, as
`scripts/gum_entities.py` writes them. The corpus is never written into the project.

Source: FiNER-ORD, the Financial Named Entity Recognition Open Research Dataset (Shah, Gullapalli, Vithani,
Galarnyk, Chava, arXiv:2302.11157), github.com/gtfintechlab/FiNER, read at commit 84079ac (OUT/README.md
records the commit actually read): English financial news articles gathered by webz.io, annotated by hand with
persons, locations and organisations. Licence: CC BY-NC 4.0 (the repository's LICENSE.md): used here for
evaluation only, and nothing of it enters the project. Documents are named by their file and number,
`train_17`, `val_9`, `test_0` (201 in all: 135, 24 and 42).

What is read: `{train,val,test}_input_df.csv.gz` (columns sent_idx, doc_idx, text: one sentence a row, as
stanza cut them) and `{train,val,test}_gold_data.csv.gz` (gold_label, gold_token, doc_idx: one token a row,
in text order). The pickled columns of the input files (uuid aside, `entity_tokens` and `flair_spans`) are
never unpickled. Labels, from the repository's `fin_reer/enums/labels.py` and its notebook: 0 O, 1 / 2 PER
begin / inside, 3 / 4 LOC, 5 / 6 ORG.

Mapping decisions:
1. Text: line 1 is a title of our own with no name in it ("Financial news"), then a blank line and a
   date line written from a fixed date (FiNER gives neither a headline nor a date), then the body: every
   FiNER sentence, one a paragraph (blank line between), as in MEANTIME's text files, so `meantime.py`'s
   "body" (from sentence 2) holds every gold mention and the title and date lines hold none. A
   sentence keeps its own line breaks (the pages' lines, kept by the source); spaces at its ends are cut.
   Where stanza's sentence cut fell inside a token the two sentences are joined with nothing between
   ("IL0A." / "BE", a ticker), and where it fell inside a gold name with a space ("Palo Alto" /
   "Networks", "Shinzo" / "Abe": 35 names), which gives back the source's text there.
2. Tokens are found in the sentences' text by searching forward from the last one (FiNER's tokens hold
   every non-space character of the text, in order); a token that does not start at the next
   non-space character is an error.
3. Mentions: a run of B / I labels of one type (an I after O or after another type opens a mention, as
   conlleval reads it); its span runs from its first token's start to its last token's end ("U.S" and
   "." are one "U.S."). Types PER, ORG, LOC as in MEANTIME; every mention is named (`syntactic_type`
   NAM, `name` true), since FiNER marks names only. Mentions of one type and text in a document share
   one entity (ours; FiNER has no coreference, and the scorer only reads it for nesting, which FiNER
   does not have).
4. FiNER's conventions, from its notebook and its data (not changed here): a possessive "'s" and a
   leading "Mr", "Mrs", "Ms", "Miss" or "The" are left out of a mention, a title is not part of a
   person's mention ("President" before a name); adjectives of place ("Chinese", "European") are never
   marked, where MEANTIME marks them as locations; stock exchanges (NYSE, NASDAQ, LSE) and central banks
   are organisations, market indexes are mostly left unmarked (S&P, FTSE, Dow: a few marked ORG), a
   street standing for a market ("Wall Street") is a location, and a country or a country's short form
   ("U.S.", "UK") is a location.
5. The annotated region is the whole document; `timex`, `event_mentions` and `values` are empty, so
   only the entity figures mean anything.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gum_entities import convert, empty_layout, source_commit, written_date  # noqa: E402

PARTS = ("train", "val", "test")
LABELS = {"1": ("PER", True), "2": ("PER", False), "3": ("LOC", True), "4": ("LOC", False),
          "5": ("ORG", True), "6": ("ORG", False)}  # label -> (type, opens a mention)
TITLE = "Financial news"
DATE = "2015-10-01"  # FiNER's pages carry no date; a fixed one for `--published`
DATA = "data/news_data"


@dataclass
class Document:
    name: str
    sentences: list[str] = field(default_factory=list)
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (label, token)


# ---------------------------------------------------------------- reading

def read_table(source: Path, file_name: str) -> list[dict[str, str]]:
    """The rows of one gzipped CSV file of FiNER, from a working copy or a git directory."""
    path = source / DATA / file_name
    if path.is_file():
        raw = path.read_bytes()
    else:
        raw = subprocess.run(["git", "-C", str(source), "show", f"HEAD:{DATA}/{file_name}"],
                             capture_output=True, check=True).stdout
    csv.field_size_limit(1 << 30)  # the pickled columns are long; they are read as text and never unpickled
    return list(csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8"))))


def read_documents(source: Path) -> list[Document]:
    """Every document of the three files, in the files' order, named `<file>_<doc_idx>`."""
    docs: dict[str, Document] = {}
    for part in PARTS:
        for row in read_table(source, f"{part}_input_df.csv.gz"):
            name = f"{part}_{row['doc_idx']}"
            docs.setdefault(name, Document(name)).sentences.append(row["text"])
        for row in read_table(source, f"{part}_gold_data.csv.gz"):
            docs[f"{part}_{row['doc_idx']}"].tokens.append((row["gold_label"], row["gold_token"]))
    return list(docs.values())


# ---------------------------------------------------------------- layout

@dataclass
class Layout:
    text: str
    sentences: list[dict]  # MEANTIME's {index, start, end}
    tokens: list[list[int]]  # [token id, start, end] of every FiNER token


def lay_out(doc: Document) -> Layout:
    """Title line, date line, then one paragraph a sentence (but where stanza cut inside a token or a name);
    every token found in the text."""
    sentences = [s.strip() for s in doc.sentences if s.strip()]
    glue = separators(doc, sentences)
    text = f"{TITLE}\n\n{written_date(DATE)}"
    spans = [{"index": 0, "start": 0, "end": len(TITLE)}, {"index": 1, "start": len(TITLE) + 2, "end": len(text)}]
    for k, sentence in enumerate(sentences):
        text += "\n\n" if k == 0 else glue[k - 1]
        spans.append({"index": len(spans), "start": len(text), "end": len(text) + len(sentence)})
        text += sentence
    text += "\n"
    return Layout(text, spans, find_tokens(text, spans[2]["start"] if len(spans) > 2 else len(text), doc))


def separators(doc: Document, sentences: list[str]) -> list[str]:
    """What stands between sentence k and k + 1: a paragraph break, but nothing where a token runs over the
    cut (the source had no space there: "IL0A.BE") and a space where a gold name does ("Palo Alto" /
    "Networks", "Shinzo" / "Abe": one name in the source, cut by stanza)."""
    owner = [k for k, sentence in enumerate(sentences) for _ in sentence]
    tokens = find_tokens("".join(sentences), 0, doc)
    glue = ["\n\n"] * max(0, len(sentences) - 1)
    for _, start, end in tokens:
        for k in range(owner[start], owner[end - 1]):
            glue[k] = ""
    for _, first, last in label_runs([label for label, _ in doc.tokens]):
        for k in range(owner[tokens[first][1]], owner[tokens[last][2] - 1]):
            glue[k] = glue[k] and " "
    return glue


def find_tokens(text: str, start: int, doc: Document) -> list[list[int]]:
    """Each token's [id, start, end], searched forward from `start`."""
    out, cursor = [], start
    for label, token in doc.tokens:
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        if not text.startswith(token, cursor):
            raise ValueError(f"{doc.name}: token {len(out) + 1} {token!r} not at {text[cursor:cursor + 20]!r}")
        out.append([len(out) + 1, cursor, cursor + len(token)])
        cursor += len(token)
    return out


# ---------------------------------------------------------------- gold

def label_runs(labels: list[str]) -> list[tuple[str, int, int]]:
    """(type, first, last) token positions of each mention in a label sequence (an I that does not
    continue a mention of its type opens one)."""
    runs: list[list] = []
    open_ = False
    for k, label in enumerate(labels):
        kind = LABELS.get(label)
        if kind is None:
            open_ = False
            continue
        etype, begins = kind
        if begins or not open_ or runs[-1][0] != etype:
            runs.append([etype, k, k])
        else:
            runs[-1][2] = k
        open_ = True
    return [tuple(r) for r in runs]


def sentence_of(spans: list[dict], offset: int) -> int:
    """The index of the sentence that holds a character offset."""
    return next(s["index"] for s in reversed(spans) if s["start"] <= offset)


def gold_record(doc: Document, commit: str) -> tuple[str, dict]:
    """The text file's content and the gold JSON of one document."""
    layout = lay_out(doc)
    mentions, entities = [], {}
    for etype, first, last in label_runs([label for label, _ in doc.tokens]):
        start, end = layout.tokens[first][1], layout.tokens[last][2]
        text = layout.text[start:end]
        entity = entities.setdefault((etype, text), {"m_id": str(len(entities) + 1), "type": etype,
                                                     "instance_id": None, "descriptor": text, "external_ref": None})
        mentions.append({
            "m_id": str(len(mentions) + 1), "start": start, "end": end, "text": text, "spans": [[start, end]],
            "sentence": sentence_of(layout.sentences, start), "token_ids": list(range(first + 1, last + 2)),
            "syntactic_type": "NAM", "type": etype, "entity": entity["m_id"], "instance_id": None,
            "full_annotation": True, "name": True})
    gold = {
        "name": doc.name, "doc_id": doc.name, "doc_name": doc.name, "topic": doc.name.split("_")[0],
        "url": None, "source": f"FiNER {commit}", "dct": DATE, "text_file": f"text/{doc.name}.txt",
        "annotated_region": {"start": 0, "end": len(layout.text), "last_sentence": len(layout.sentences) - 1},
        "sentences": layout.sentences, "tokens": layout.tokens, "entity_mentions": mentions,
        "entities": list(entities.values()), "event_mentions": [], "events": [], "timex": [], "values": []}
    return layout.text, gold


# ---------------------------------------------------------------- writing

README = """# FiNER-ORD: gold named entities on financial news, in MEANTIME's layout

Made by newsgraph's `scripts/finer_entities.py` from FiNER (github.com/gtfintechlab/FiNER, commit {commit}):
the {count} documents of its train, val and test files. Licence: CC BY-NC 4.0 (cite Shah et al., "FiNER-ORD:
Financial Named Entity Recognition Open Research Dataset", arXiv:2302.11157); for evaluation only. The
conversion is ours; its decisions are in the script's docstring. Score with `python meantime.py THIS_FOLDER`;
only the entity figures mean anything (no TIMEX3 or event gold here).

Named gold mentions: {named}.
"""


def write_corpus(source: Path, out: Path) -> list[str]:
    """Write text/ and gold/ under out; return the document names."""
    commit = source_commit(source)
    empty_layout(out)
    names, named = [], {}
    for doc in read_documents(source):
        text, gold = gold_record(doc, commit)
        (out / "text" / f"{doc.name}.txt").write_text(text, encoding="utf-8")
        (out / "gold" / f"{doc.name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        for m in gold["entity_mentions"]:
            named[m["type"]] = named.get(m["type"], 0) + 1
        names.append(doc.name)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(named.items()))
    (out / "README.md").write_text(README.format(commit=commit, count=len(names), named=counts), encoding="utf-8")
    return names


def main(argv: list[str] | None = None) -> int:
    return convert(argv, __doc__.splitlines()[0], "a FiNER working copy or git directory", write_corpus)


if __name__ == "__main__":
    sys.exit(main())
