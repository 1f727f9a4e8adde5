"""Convert GUM's Wikinews documents into a second entity check set in the layout `meantime.py` reads.

    python scripts/gum_entities.py CHECKOUT OUT [--no-splits] [--genres news,interview]

CHECKOUT is a GUM working copy (it has `dep/*.conllu`) or a git directory of one (files are then read
with `git show HEAD:dep/...`). OUT (e.g. /work/corpora/gum-news) gets `text/<name>.txt`,
`gold/<name>.json` and a README, the layout of `shared/eval/meantime` (see its README), and next to it
OUT-look and OUT-held, folders of symbolic links cut by `scripts/make_splits.py`'s `part_of`. The
corpus is never written into the project.

Source: GUM, the Georgetown University Multilayer corpus (Zeldes 2017, "The GUM Corpus: Creating
Multilayer Resources in the Classroom", Language Resources and Evaluation 51(3)),
github.com/amir-zeldes/gum, built from commit 72ce5ac14 (OUT/README.md records the commit actually
read). Licences: the texts are Wikinews articles, CC BY 2.5; GUM's annotations
are CC BY 4.0 (the repository's LICENSE.txt). By default only the `GUM_news_*` and `GUM_interview_*`
documents (both Wikinews) are used; names carry the genre, `news_afghan`, `interview_chomsky`. `--genres`
picks others: `bio` (Wikipedia biographies, CC BY-SA) feeds `benchmarks/pronouns.py` with third-person
pronouns and their gold antecedents.

What is read: `dep/<doc>.conllu`, whose comments hold the metadata (`meta::title`,
`meta::dateCreated`), the paragraph marks (`newpar`) and whose MISC column holds the spacing
(`SpaceAfter=No`), the XML markup (`<date when=...>`) and the entity layer (`Entity=`, CorefUD
brackets; attributes GRP-etype-infstat-salience-centering-minspan-link[-identity]).

Mapping decisions:
1. Text: line 1 is the title, then a blank line and the date line, then the body, one paragraph per
   GUM paragraph (blank line between, sentences of a paragraph joined by a space), as in MEANTIME's
   text files, so `meantime.py`'s "body" (from sentence 2) leaves out exactly the title and the date.
   The title is GUM's first sentence when it is a heading; otherwise `meta::title` is written (no
   gold in it). The date line is the first sentence after the title when it is a date (XML
   `<date>`, or a "Weekday, Month D, YYYY" line), else one is written from `meta::dateCreated`.
   `dct` is that date. Tokens are joined as GUM's spacing says; a multi-word token ("Trump's") is
   written once, its parts get consecutive pieces of it.
2. Types: GUM person -> PER, organization -> ORG, place -> LOC; a named GUM object -> PRO (so a
   prediction on a named product is set aside, as on MEANTIME); every other GUM type (event, time,
   abstract, ...) gets no type. GUM types a country acting as an agent organization ("North Korea
   puts military..."), and a national team named by its country organization; MEANTIME keeps
   countries LOC. Neither is changed here.
3. Named (`syntactic_type` NAM, `name` true) when the mention's head (its word whose dependency
   head lies outside the mention, punctuation aside) is a proper noun (UPOS PROPN) or has a proper noun
   as a flat or appos dependent ("the agency <name>", "interviewee <name>": GUM marks no separate
   mention of the name there, and MEANTIME's NAM extents hold such descriptions), except two kinds
   of person mention that MEANTIME would call nominal: a capitalised title with no name ("The
   President", ROLE_WORDS) and a plural proper noun naming a group (XPOS NNPS: "Americans",
   "Democrats"). GUM's identity (Wikification) is not used for this: it is copied to every mention
   of a named entity, pronouns and "the team" included. PRO when the head is a pronoun, NOM otherwise.
4. GUM marks nested mentions ("US" inside "US President ..."), coordinations as one more mention and
   keeps titles and determiners inside a name's mention ("the Indonesian Navy", "President ...");
   `meantime.py` already treats an outer name holding two names, or a name of the same entity, as
   not a name, and an inner name as optional. `entity` is GUM's entity number (GRP), `instance_id`
   its identity.
5. The annotated region is the whole document; `timex`, `event_mentions` and `values` are empty (GUM
   has time entities but no TIMEX3 values), so only the entity figures mean anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GENRES = ("news", "interview")
TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
NAMED_ONLY_TYPES = {"object": "PRO"}
ROLE_WORDS = {"President", "Vice", "Prime", "Minister", "Secretary", "Senator", "Governor", "Mayor", "Sheriff",
              "General", "Director", "Chairman", "Chief", "Judge", "Justice", "Professor", "King", "Queen", "Prince",
              "Pope", "MP", "Poet", "Mr.", "Mrs.", "Ms.", "Dr."}
FALLBACK_DATE = "2010-01-01"
WEEKDAY_DATE = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}$")
WHEN = re.compile(r'<date when:::"(\d{4}-\d\d-\d\d)"')
ENTITY_PART = re.compile(r"\(([^()]+)(\)?)|(\d+)\)")


@dataclass
class Word:
    id: int
    form: str
    upos: str
    xpos: str
    head: int
    deprel: str
    misc: dict[str, str]
    start: int = 0
    end: int = 0


@dataclass
class Sentence:
    words: list[Word]
    multiword: dict[int, tuple[int, str, dict[str, str]]]  # first word id -> (last id, form, misc)
    newpar: bool
    heading: bool


@dataclass
class Mention:
    grp: str
    etype: str
    identity: str | None
    sentence: int
    first: int  # word ids, inclusive
    last: int


@dataclass
class Document:
    name: str
    meta: dict[str, str]
    sentences: list[Sentence] = field(default_factory=list)


# ---------------------------------------------------------------- reading

def read_sources(checkout: Path, genres: Sequence[str] = GENRES) -> dict[str, str]:
    """conllu text of each document of the genres (news and interview), from a working copy or a git directory."""
    pattern = re.compile(r"^GUM_(%s)_[^/]+\.conllu$" % "|".join(map(re.escape, genres)))
    folder = checkout / "dep"
    if folder.is_dir():
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if pattern.match(p.name)}
    names = _git(checkout, "ls-tree", "--name-only", "HEAD", "dep/").split()
    return {Path(n).name: _git(checkout, "show", f"HEAD:{n}") for n in names if pattern.match(Path(n).name)}


def source_commit(checkout: Path) -> str:
    """The commit read, or 'unknown' for a copy outside git."""
    try:
        return _git(checkout, "rev-parse", "HEAD").strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def _git(checkout: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=True).stdout


def parse_misc(value: str) -> dict[str, str]:
    """A MISC column as a dict (empty for '_')."""
    if value == "_":
        return {}
    return dict(item.split("=", 1) if "=" in item else (item, "") for item in value.split("|"))


def parse_conllu(name: str, text: str) -> Document:
    """A GUM conllu file as sentences of words with their paragraph marks."""
    doc = Document(name=name, meta={})
    comments: list[str] = []
    words: list[Word] = []
    multiword: dict[int, tuple[int, str, dict[str, str]]] = {}
    for line in text.splitlines() + [""]:
        if line.startswith("#"):
            comments.append(line)
            key, _, value = line[1:].strip().partition(" = ")
            if key.startswith("meta::"):
                doc.meta[key[6:]] = value
        elif line.strip():
            cols = line.split("\t")
            if "-" in cols[0]:
                first, last = cols[0].split("-")
                multiword[int(first)] = (int(last), cols[1], parse_misc(cols[9]))
            elif "." not in cols[0]:
                words.append(Word(int(cols[0]), cols[1], cols[3], cols[4], int(cols[6]), cols[7], parse_misc(cols[9])))
        elif words:
            block = next((c for c in comments if c.startswith("# newpar_block")), "")
            newpar = any(c == "# newpar" or c.startswith("# newpar_block") for c in comments)
            doc.sentences.append(Sentence(words, multiword, newpar, " head" in block))
            comments, words, multiword = [], [], {}
    return doc


def parse_mentions(doc: Document) -> list[Mention]:
    """Every entity mention of the document from the `Entity=` brackets (a closing bracket ends the
    last open mention with its number)."""
    out: list[Mention] = []
    for s_index, sent in enumerate(doc.sentences):
        open_: list[Mention] = []
        for word in sent.words:
            for attrs, closed, closer in ENTITY_PART.findall(word.misc.get("Entity", "")):
                if attrs:
                    fields = attrs.split("-")
                    m = Mention(fields[0], fields[1], fields[7] if len(fields) > 7 else None, s_index, word.id, word.id)
                    (out if closed else open_).append(m)
                else:
                    m = next(m for m in reversed(open_) if m.grp == closer)
                    open_.remove(m)
                    m.last = word.id
                    out.append(m)
        if open_:
            raise ValueError(f"{doc.name}: mention {open_[0].grp} left open in sentence {s_index + 1}")
    return out


# ---------------------------------------------------------------- layout

def sentence_text(sent: Sentence, offset: int) -> str:
    """The sentence's text with GUM's spacing; sets each word's start and end (offset = where it begins)."""
    pieces: list[str] = []
    pos = offset
    by_id = {w.id: w for w in sent.words}
    i = 0
    while i < len(sent.words):
        word = sent.words[i]
        last, form, misc = sent.multiword.get(word.id, (word.id, word.form, word.misc))
        parts = [by_id[k] for k in range(word.id, last + 1)]
        if "".join(p.form for p in parts) == form:
            cursor = pos
            for p in parts:
                p.start, p.end = cursor, cursor + len(p.form)
                cursor = p.end
        else:
            for p in parts:
                p.start, p.end = pos, pos + len(form)
        pieces.append(form)
        pos += len(form)
        i += len(parts)
        if i < len(sent.words) and misc.get("SpaceAfter") != "No":
            pieces.append(" ")
            pos += 1
    return "".join(pieces)


def date_of(sent: Sentence) -> str | None:
    """The ISO date a date-line sentence gives, or None when the sentence is not a date line."""
    for word in sent.words:
        found = WHEN.search(word.misc.get("XML", ""))
        if found and len(sent.words) <= 8:
            return found.group(1)
    plain = sentence_text(sent, 0)
    if WEEKDAY_DATE.match(plain):
        return dt.datetime.strptime(plain.split(", ", 1)[1], "%B %d, %Y").date().isoformat()
    return None


def written_date(iso: str) -> str:
    """'Friday, July 21, 2017' for 2017-07-21, the way GUM's date lines read."""
    day = dt.date.fromisoformat(iso)
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


@dataclass
class Layout:
    text: str
    dct: str
    sentence_index: dict[int, int]  # GUM sentence position -> gold sentence index
    sentences: list[dict]


def lay_out(doc: Document) -> Layout:
    """Title line, date line, then the body paragraphs; word offsets are set on the way."""
    sents = doc.sentences
    title = sents[0] if sents[0].heading else None
    rest = sents[1:] if title else sents
    iso = date_of(rest[0]) if rest else None
    date_sent = rest[0] if iso else None
    body = rest[1:] if iso else rest
    dct = iso or doc.meta.get("dateCreated") or FALLBACK_DATE
    text, spans, index = "", [], {}
    position = {id(sent): k for k, sent in enumerate(sents)}

    def add(sent: Sentence | None, written: str, separator: str) -> None:
        nonlocal text
        if text:
            text += separator
        start = len(text)
        text += sentence_text(sent, start) if sent else written
        spans.append({"index": len(spans), "start": start, "end": len(text)})
        if sent:
            index[position[id(sent)]] = len(spans) - 1

    add(title, doc.meta.get("title", doc.name), "")
    add(date_sent, written_date(dct), "\n\n")
    for k, sent in enumerate(body):
        add(sent, "", "\n\n" if k == 0 or sent.newpar or sent.heading else " ")
    return Layout(text + "\n", dct, index, spans)


# ---------------------------------------------------------------- gold

def mention_head(sent: Sentence, m: Mention) -> Word:
    """The mention's word whose dependency head lies outside it (the first such, punctuation last)."""
    inside = [w for w in sent.words if m.first <= w.id <= m.last]
    heads = [w for w in inside if not m.first <= w.head <= m.last]
    return sorted(heads or inside, key=lambda w: w.upos == "PUNCT")[0]


def syntactic_type(words: list[Word], head: Word, etype: str) -> str:
    """NAM for a proper-noun head or a name set beside the head ("interviewee <name>", flat or appos),
    PRO for a pronoun, NOM otherwise; a person's capitalised title
    alone ("the President") and a plural proper noun naming a group of people ("Americans") are NOM."""
    if head.upos == "PRON":
        return "PRO"
    if head.upos != "PROPN" and not any(w.head == head.id and w.deprel in ("flat", "appos") and w.upos == "PROPN"
                                        for w in words):
        return "NOM"
    if etype == "person" and (head.xpos == "NNPS" or all(w.form in ROLE_WORDS for w in words if w.upos == "PROPN")):
        return "NOM"
    return "NAM"


def gold_mentions(doc: Document, layout: Layout, token_ids: dict[tuple[int, int], int]) -> list[dict]:
    """The entity mentions in MEANTIME's gold shape (offsets into the laid-out text)."""
    out = []
    for m in parse_mentions(doc):
        sent = doc.sentences[m.sentence]
        words = [w for w in sent.words if m.first <= w.id <= m.last]
        start, end = words[0].start, words[-1].end
        kind = syntactic_type(words, mention_head(sent, m), m.etype)
        etype = TYPES.get(m.etype) or (NAMED_ONLY_TYPES.get(m.etype) if kind == "NAM" else None)
        out.append({
            "m_id": str(len(out) + 1), "start": start, "end": end, "text": layout.text[start:end],
            "spans": [[start, end]], "sentence": layout.sentence_index[m.sentence],
            "token_ids": [token_ids[(m.sentence, w.id)] for w in words], "syntactic_type": kind,
            "type": etype, "gum_type": m.etype, "entity": m.grp, "instance_id": m.identity,
            "full_annotation": True, "name": kind == "NAM"})
    return out


def gold_record(doc: Document, commit: str) -> tuple[str, dict]:
    """The text file's content and the gold JSON of one document."""
    layout = lay_out(doc)
    tokens, token_ids = [], {}
    for s_index, sent in enumerate(doc.sentences):
        if s_index in layout.sentence_index:
            for w in sent.words:
                token_ids[(s_index, w.id)] = len(tokens) + 1
                tokens.append([len(tokens) + 1, w.start, w.end])
    mentions = gold_mentions(doc, layout, token_ids)
    entities: dict[str, dict] = {}
    for m in sorted(mentions, key=lambda m: not m["name"]):  # a named mention describes its entity first
        entities.setdefault(m["entity"], {"m_id": m["entity"], "type": m["type"], "instance_id": m["instance_id"],
                                          "descriptor": m["text"], "external_ref": None})
    gold = {
        "name": doc.name, "doc_id": doc.name, "doc_name": doc.meta.get("title", doc.name),
        "topic": doc.name.split("_")[0],
        "url": doc.meta.get("sourceURL"), "source": f"GUM {commit}", "dct": layout.dct,
        "text_file": f"text/{doc.name}.txt",
        "annotated_region": {"start": 0, "end": len(layout.text), "last_sentence": len(layout.sentences) - 1},
        "sentences": layout.sentences, "tokens": tokens, "entity_mentions": mentions,
        "entities": list(entities.values()), "event_mentions": [], "events": [], "timex": [], "values": []}
    return layout.text, gold


# ---------------------------------------------------------------- writing

README = """# GUM documents: gold named entities and their chains, in MEANTIME's layout

Made by newsgraph's `scripts/gum_entities.py` from GUM (github.com/amir-zeldes/gum, commit {commit}):
the {count} {kinds} documents. Texts: Wikinews, CC BY 2.5 (biographies: Wikipedia, CC BY-SA). Annotations:
GUM, CC BY 4.0 (cite Zeldes 2017, Language Resources and Evaluation 51(3)). The conversion is ours; its
decisions are in the script's docstring. Score with `python meantime.py THIS_FOLDER`; only the
entity figures mean anything (no TIMEX3 or event gold here).

Named gold mentions (before the scorer's nesting rules): {named}.
"""


def load_make_splits():
    """scripts/make_splits.py as a module (scripts/ is not a package)."""
    path = Path(__file__).resolve().with_name("make_splits.py")
    spec = importlib.util.spec_from_file_location("make_splits", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def empty_layout(out: Path) -> None:
    """Make text/ and gold/ under out, empty: a corpus written again keeps no document of an earlier run."""
    for sub in ("text", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).iterdir():
            old.unlink()


def write_corpus(checkout: Path, out: Path, genres: Sequence[str] = GENRES) -> list[str]:
    """Write text/ and gold/ under out; return the document names."""
    commit = source_commit(checkout)
    empty_layout(out)
    names, named = [], {}
    for file_name, conllu in read_sources(checkout, genres).items():
        name = file_name[len("GUM_"):-len(".conllu")]
        text, gold = gold_record(parse_conllu(name, conllu), commit)
        (out / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        for m in gold["entity_mentions"]:
            if m["name"] and m["type"]:
                named[m["type"]] = named.get(m["type"], 0) + 1
        names.append(name)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(named.items()))
    kinds = " and ".join(f"`GUM_{g}_*`" for g in genres)
    (out / "README.md").write_text(README.format(commit=commit, count=len(names), kinds=kinds, named=counts),
                                   encoding="utf-8")
    return names


def write_splits(out: Path) -> dict[str, int]:
    """OUT-look and OUT-held: symbolic links to each part's text and gold files."""
    part_of = load_make_splits().part_of
    counts = {}
    for part in ("look", "held"):
        folder = out.parent / f"{out.name}-{part}"
        for sub in ("text", "gold"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
            for old in (folder / sub).iterdir():
                old.unlink()
            for path in sorted((out / sub).iterdir()):
                if part_of(path.stem) == part:
                    (folder / sub / path.name).symlink_to(path.resolve())
        counts[part] = len(list((folder / "gold").iterdir()))
    return counts


def convert(argv: list[str] | None, description: str, source_help: str,
            write: Callable[..., list[str]], options: dict[str, dict] | None = None) -> int:
    """A converter's command line: SOURCE OUT [--no-splits], the corpus written by `write`, then its splits.
    `options` are the converter's own flags (argparse keywords by flag); `write` gets their values by name."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("source", type=Path, help=source_help)
    parser.add_argument("out", type=Path, help="the folder to write (outside the project)")
    parser.add_argument("--no-splits", action="store_true", help="do not write OUT-look and OUT-held")
    for flag, spec in (options or {}).items():
        parser.add_argument(flag, **spec)
    args = parser.parse_args(argv)
    extra = {name: getattr(args, name) for name in (f.lstrip("-").replace("-", "_") for f in options or {})}
    names = write(args.source, args.out, **extra)
    print(f"{len(names)} documents written to {args.out}")
    if not args.no_splits:
        counts = write_splits(args.out)
        print(f"look {counts['look']}, held {counts['held']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    genres = {"default": ",".join(GENRES), "help": "GUM genres to convert, comma-separated"}
    return convert(argv, __doc__.splitlines()[0], "a GUM working copy or git directory",
                   lambda checkout, out, genres: write_corpus(checkout, out, tuple(g for g in genres.split(",") if g)),
                   {"--genres": genres})


if __name__ == "__main__":
    sys.exit(main())
