"""The stage table: every stage newsgraph runs, in order, in one place.

A stage is a callable `Document -> Document`. A *reader* turns the raw
input of one kind into an `Article` (text, paragraphs, media, metadata);
the *stages* after it add to that article (entities, quotes, events, ...)
and never look inside each other. Each entry declares what it needs and
what it adds, and `run` checks that every stage returns a document.

To swap a stage, pass a different table to `newsgraph.extract(...,
stages=...)`: `replace_stage(STAGES, "entities", my_callable)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .errors import InputError, ModelNotFound, StageError
from .model import Article, InputKind


@dataclass
class Document:
    """One article on its way through the pipeline."""

    raw: str
    kind: InputKind
    source: str | None = None
    url: str | None = None
    published: str | None = None  # given by the user; wins over what the page says
    fetched: str | None = None
    content_id: str = ""
    article: Article | None = None
    scratch: dict = field(default_factory=dict)  # per-document state shared between a stage's helpers


StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    """A named pipeline step and its contract."""

    name: str
    fn: StageFn
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()
    doc: str = ""


def _read_text(doc: Document) -> Document:
    from .readers.text import read_text

    return read_text(doc)


def _read_html(doc: Document) -> Document:
    from .readers.html import read_html

    return read_html(doc)


READERS: dict[str, Stage] = {
    "text": Stage("layout", _read_text, needs=("raw",),
                  adds=("headline", "subheadline", "authors", "published", "paragraphs", "media", "removed"),
                  doc="Scraped-text layout: headline, deck, byline, body, furniture."),
    "html": Stage("html", _read_html, needs=("raw",),
                  adds=("text", "headline", "subheadline", "authors", "published", "paragraphs", "media", "removed",
                        "site_name", "language"),
                  doc="HTML: trafilatura's main text plus figures and scored metadata."),
}
"""Readers by input kind (WARC records are read as `html`)."""

def _lazy(module: str, name: str) -> StageFn:
    """A stage function imported on first use, so `import newsgraph` stays light."""

    def call(doc: Document) -> Document:
        from importlib import import_module

        return getattr(import_module(module, __package__), name)(doc)

    call.__name__ = name
    return call


STAGES: tuple[Stage, ...] = (
    Stage("language", _lazy(".understand.language", "detect_language"), needs=("paragraphs",),
          adds=("language", "language_confidence"),
          doc="The article's language from its own words (py3langid); later stages read English only."),
    Stage("parse", _lazy(".understand.parse", "parse"), needs=("paragraph_spans",), adds=("scratch.parsed",),
          doc="spaCy over each body paragraph (model loaded once per process)."),
    Stage("entities", _lazy(".understand.entities", "extract_entities"), needs=("scratch.parsed",),
          adds=("entities", "scratch.mentions"),
          doc="People, organisations and places; titles and ranks split from names; aliases, roles, affiliations."),
    Stage("coref", _lazy(".understand.coref", "resolve_coreference"), needs=("entities", "scratch.mentions"),
          adds=("scratch.mentions",), doc="Surname chains, pronouns and descriptions ('the officer') to entities."),
    Stage("quotes", _lazy(".understand.quotes", "extract_quotes"), needs=("scratch.parsed", "scratch.mentions"),
          adds=("quotes",), doc="Direct, indirect and mixed quotes with speaker, cue and nesting."),
    Stage("dates", _lazy(".understand.dates", "extract_dates"), needs=("scratch.parsed",),
          adds=("dates", "scratch.dates"), doc="Temporal expressions typed and resolved against the publication date."),
    Stage("events", _lazy(".understand.events", "extract_events"), needs=("scratch.mentions", "scratch.dates"),
          adds=("events",), doc="Typed events with participants, date and place."),
    Stage("claims", _lazy(".understand.claims", "extract_claims"), needs=("entities", "events", "scratch.parsed"),
          adds=("claims",), doc="Numeric and factual claims (counts, ages, ranks, dates, places) for conflict finding."),
)
"""Per-article stages after the reader, in the order they run."""

READER_ONLY: tuple[Stage, ...] = ()
"""No stages after the reader: structure only (headline, body, pictures, furniture)."""


def load_callable(spec: str) -> StageFn:
    """'package.module:name' -> the stage callable; a class is instantiated once (it loads its model in __init__)."""
    from importlib import import_module

    module, _, attr = spec.partition(":")
    if not module or not attr:
        raise ValueError(f"stage {spec!r} is not of the form package.module:callable")
    target = getattr(import_module(module), attr)
    return target() if isinstance(target, type) else target


def configure_stages(overrides: Sequence[str] = (), stages: Sequence[Stage] = STAGES) -> tuple[Stage, ...]:
    """The stage table with user replacements: 'entities=mypkg.gliner:GlinerEntities' each.

    Also read from the environment variable NEWSGRAPH_STAGES (comma-separated), before the given ones.
    """
    import os

    specs = [s for s in os.environ.get("NEWSGRAPH_STAGES", "").split(",") if s.strip()] + list(overrides)
    table = tuple(stages)
    for spec in specs:
        name, sep, target = spec.strip().partition("=")
        if not sep:
            raise ValueError(f"stage override {spec!r} is not of the form NAME=package.module:callable")
        table = replace_stage(table, name.strip(), load_callable(target.strip()))
    return table


def replace_stage(stages: Sequence[Stage], name: str, fn: StageFn) -> tuple[Stage, ...]:
    """A copy of `stages` with the stage called `name` running `fn` instead."""
    if name not in {s.name for s in stages}:
        raise KeyError(f"no stage named {name!r}")
    return tuple(replace(s, fn=fn) if s.name == name else s for s in stages)


def run(doc: Document, stages: Sequence[Stage] = STAGES, readers: dict[str, Stage] = READERS) -> Article:
    """Read `doc` with the reader for its kind, then run every stage over it."""
    reader = readers["html" if doc.kind == "warc" else doc.kind]
    for stage in (reader, *stages):
        try:
            out = stage.fn(doc)
        except (InputError, ModelNotFound):  # a missing model fails every input alike: one error for the run
            raise
        except Exception as exc:  # a bug in one stage must not stop a batch: it becomes this input's failure
            raise StageError(stage.name, exc, doc.source) from exc
        if not isinstance(out, Document) or out.article is None:
            raise TypeError(f"stage {stage.name!r} did not return a Document with an article")
        doc = out
    return doc.article
