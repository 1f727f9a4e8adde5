"""The body of an HTML page: trafilatura's main text, as clean paragraphs.

1. trafilatura, in the mode `TRAFILATURA_OPTIONS` (chosen by measurement:
   `benchmarks/trafilatura_modes.py`), on the page tree with its captions
   already pruned.
2. Its body elements become paragraphs: one per paragraph, heading, list
   item and table row, split at line breaks, whitespace squashed.
3. Furniture goes out, each piece with its reason: the headline and the
   deck repeated at the top, bylines and date lines there, captions and
   credits, related links, newsletter, contact and promotion lines
   (`furniture.json`, `html.json`), and an author's bio at the end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ..model import Removed
from .datelines import parse_dateline
from .furniture import ends_sentence, line_reason, parse_byline, parse_credit
from .html_choose import norm
from .html_vocab import html_vocabulary, squash

STAGE = "html"
TRAFILATURA_OPTIONS = {"fast": True, "include_comments": False, "include_tables": True}
"""The trafilatura mode, by benchmarks/trafilatura_modes.py: with our caption pruning and furniture rules, fast
(no fallback extractors) scored the best body F1 over both benchmarks (zyte 0.969, aed-dev 0.931; favor_precision
0.968 / 0.927, the default 0.966 / 0.924) and is the quickest."""
HEADER_PARAGRAPHS = 4  # how many leading paragraphs may be a repeated headline, byline or date line
TAIL_PARAGRAPHS = 4  # how many trailing paragraphs may be an author's bio
MAX_CREDIT_WORDS = 12
MAX_BYLINE_WORDS = 25  # a byline or date line at the top is no longer than this
MAX_FURNITURE_CHARS = 300  # a longer paragraph is story text, whatever words it holds
MAX_FURNITURE_WORDS = 30  # ... and so is a sentence-ending paragraph of more words, away from the edges
LABEL_WORDS = 6
MIN_LINK_WORDS, MAX_LINK_WORDS = 2, 30  # a paragraph of this many words can be a link to another story
TAIL_LINKS = 2  # a link paragraph among the last this many paragraphs is a pointer to another story
LINK_SHARE = 0.8  # ... when one link's text covers this share of its words, from its start
_BIO_VERB = r"(?:is|was|has|covers|writes|reports|joined|leads|works)\b"
_BIO = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} (?:(?:is|was|has been) (?:a|an|the)\b[^.]{0,80}?\b(?:writer|reporter|"
                  r"journalist|editor|correspondent|contributor|columnist|producer|author|critic)\b|"
                  r"(?:writes|reports) (?:about|on) [^.]{3,120}\.$)")


@dataclass
class Block:
    """One paragraph of trafilatura's body and the element kind it came from (p, head, item, row, quote)."""

    text: str
    kind: str


@dataclass
class BodyContext:
    """What the page's metadata says, for telling furniture from body."""

    headline: str | None = None
    deck: str | None = None  # a standfirst the page shows as such (a description copied from the lede is not one)
    authors: Sequence[str] = ()
    captions: Sequence[str] = ()
    titles: set[str] = field(default_factory=set)  # every title the page gives itself, compared form
    links: set[str] = field(default_factory=set)  # the page's link texts (`link_texts`)
    keys: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.keys = {norm(t) for t in self.captions if norm(t)}


def extract_blocks(tree: HtmlElement, url: str | None = None) -> list[Block]:
    """trafilatura's main text of the tree as blocks (step 1 and 2); [] when it finds none."""
    from trafilatura import bare_extraction

    result = bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    if result is None or result.body is None:
        return []
    return [b for b in _blocks(result.body) if b.text]


def _blocks(body) -> Iterator[Block]:
    for element in body:
        tag = element.tag
        if tag == "list":
            yield from _items(element)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [squash("".join(cell.itertext())) for cell in row.iter("cell")]
                yield Block(" | ".join(c for c in cells if c), "row")
        elif tag == "quote" and any(child.tag in ("p", "list", "quote") for child in element):
            yield from (Block(b.text, "quote") for b in _blocks(element))
        elif tag != "graphic":
            yield from (Block(line, tag) for line in _lines(element))


def _items(element) -> Iterator[Block]:
    for item in element.iter("item"):  # nested items come in document order, each without its sub-lists
        yield from (Block(line, "item") for line in _lines(item, skip=("list",)))


def _lines(element, skip: tuple[str, ...] = ()) -> list[str]:
    """The element's text, split where it has line breaks (<lb/>), nested `skip` elements left out."""
    lines, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            lines.append("".join(current))
            current = []
        elif child.tag not in skip:
            current.append("".join(_inline_text(child)))
        current.append(child.tail or "")
    lines.append("".join(current))
    return [squash(line) for line in lines if squash(line)]


def _inline_text(element) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        if child.tag == "lb":
            yield " "
        else:
            yield from _inline_text(child)
        yield child.tail or ""


def link_texts(tree: HtmlElement) -> set[str]:
    """The compared form (`norm`) of every link text of the page of at least `MIN_LINK_WORDS` words."""
    texts = set()
    for a in tree.iter("a"):
        text = a.text_content()
        if len(text.split(None, MIN_LINK_WORDS)) >= MIN_LINK_WORDS:
            texts.add(norm(text))
    return texts


def is_link(text: str, links: set[str]) -> bool:
    """Whether a paragraph is (almost) all one link's text: 'Tide Watch: Harbour Wall Repairs Begin [VIDEO]'."""
    words = norm(text).split()
    if not words or len(words) > MAX_LINK_WORDS:
        return False
    shortest = max(MIN_LINK_WORDS, math.ceil(LINK_SHARE * len(words)))
    return any(" ".join(words[:j]) in links for j in range(len(words), shortest - 1, -1))


def clean_blocks(blocks: Sequence[Block], context: BodyContext) -> tuple[list[str], list[Removed]]:
    """The body paragraphs, and the furniture taken out of them with its reason (step 3)."""
    paragraphs: list[str] = []
    removed: list[Removed] = []
    last = len(blocks) - 1
    linked = [b.kind != "row" and is_link(b.text, context.links) for b in blocks]
    started = False
    for i, block in enumerate(blocks):
        words = len(block.text.split())
        if not started and words <= LABEL_WORDS and not ends_sentence(block.text) and block.kind in ("p", "head") \
                and any(len(b.text.split()) >= 12 for b in blocks[i + 1:i + 4]):
            removed.append(Removed(text=block.text, reason="section-label", stage=STAGE))
            continue
        started = started or words >= 12
        if linked[i] and ((i > 0 and linked[i - 1]) or (i < last and linked[i + 1]) or last - i < TAIL_LINKS):
            removed.append(Removed(text=block.text, reason="related-link", stage=STAGE))
            continue
        reason = furniture_of(block, context, header=len(paragraphs) < HEADER_PARAGRAPHS and i < 2 * HEADER_PARAGRAPHS,
                              tail=last - i < TAIL_PARAGRAPHS)
        if reason:
            removed.append(Removed(text=block.text, reason=reason, stage=STAGE))
        else:
            paragraphs.append(block.text)
    return paragraphs, removed


def furniture_of(block: Block, context: BodyContext, header: bool = False, tail: bool = False) -> str | None:
    """Why a paragraph is furniture, or None when it is body text."""
    text = block.text
    key = norm(text)
    if not key:
        return "separator"
    if key in context.keys:
        return "caption"
    if block.kind == "row":
        return None  # a table row: its cells between bars are data, not a menu
    if header and (key in context.titles or (context.headline and key.endswith(norm(context.headline)))):
        return "headline"
    if header and context.deck and key == norm(context.deck):  # the standfirst, already the record's deck
        return "deck"
    reason = _furniture_line(text) if _may_be_furniture(text, header or tail) else None
    if reason:
        return "comments" if reason == "comments-heading" else reason
    if len(text.split()) <= MAX_CREDIT_WORDS and parse_credit(text) is not None:
        return "credit"
    if header and len(text.split()) <= MAX_BYLINE_WORDS:
        if parse_byline(text):
            return "byline"
        if parse_dateline(text):
            return "dateline"
    if tail and (_is_author_bio(text, context.authors) or _BIO.match(text)):
        return "author-bio"
    return None


def _may_be_furniture(text: str, edge: bool) -> bool:
    """Whether a paragraph is worth matching against the furniture lines: short, unfinished, or at an edge.

    A long sentence-ending paragraph in the middle of the story is text; skipping it keeps the reader fast.
    """
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    return edge or len(text.split()) <= MAX_FURNITURE_WORDS or not ends_sentence(text)


def _furniture_line(text: str) -> str | None:
    """The furniture reason of a paragraph by the line patterns (furniture.json, html.json), as the text reader reads them."""
    return line_reason(html_vocabulary().line_tests, text)


def _is_author_bio(text: str, authors: Sequence[str]) -> bool:
    """'Jane Doe is a reporter covering ...' at the end of the story, about one of its authors."""
    for name in authors:
        if len(name.split()) >= 2 and re.match(rf"{re.escape(name)}\s+{_BIO_VERB}", text):
            return True
    return False
