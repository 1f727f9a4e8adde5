"""The HTML reader's vocabulary (`newsgraph/data/html.json`) and the helpers that read a tree with it.

The line patterns of `furniture.json` (shared with the text reader) and the
HTML body's own are compiled into one pattern, matched once per paragraph.

Class names for captions, credits, bylines and decks; the separators
between a page title and its site name; line patterns for furniture in
an HTML body. Pure helpers over lxml elements: the words of an element's
class and id, whether they name a caption, an element's plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby

from lxml.etree import XPath
from lxml.html import HtmlElement

from .furniture import LineTest, line_tests, load_data

SUBSTRING_MIN = 6
"""A class-name entry at least this long also matches inside a longer token ('imagecaption')."""

_WS = re.compile(r"\s+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class ClassNames:
    """A set of class-name entries, matched as words or (when long) inside tokens."""

    entries: tuple[str, ...]
    words: re.Pattern  # whole words of the camelCase-split, lower-cased class and id
    long: re.Pattern  # inside tokens of the lower-cased class and id, punctuation removed

    def match(self, element: HtmlElement) -> bool:
        """Whether the element's class or id names one of the entries."""
        raw = f"{element.get('class') or ''} {element.get('id') or ''}"
        return self.match_text(*_attr_forms(raw))

    def match_text(self, split: str, joined: str) -> bool:
        return bool(self.words.search(split) or self.long.search(joined))


_NEVER = re.compile(r"(?!)")


def _class_names(entries: list[str]) -> ClassNames:
    flat = [e.lower() for e in entries]
    words = [re.escape(e) for e in flat if "-" not in e]
    long = [re.escape(e.replace("-", "")) for e in flat if len(e) >= SUBSTRING_MIN]
    return ClassNames(tuple(flat), re.compile(rf"(?<![a-z0-9])(?:{'|'.join(words)})(?![a-z0-9])") if words else _NEVER,
                      re.compile("|".join(long)) if long else _NEVER)


def _attr_forms(raw: str) -> tuple[str, str]:
    """A class-and-id string as words ('article imagecaption' -> 'article image caption') and as joined tokens."""
    return _CAMEL.sub(" ", raw).lower(), _PUNCT.sub("", raw.lower())


_PUNCT = re.compile(r"[^a-z0-9\s]+")


@dataclass(frozen=True)
class HtmlVocabulary:
    captions: ClassNames
    credits: ClassNames
    bylines: ClassNames
    decks: ClassNames
    site_separators: tuple[str, ...]
    line_tests: tuple[LineTest, ...]  # every furniture line pattern, a test per run of patterns of one reason, in order
    prefilter: re.Pattern  # a class-and-id string that may name one of the roles (a superset of matches)


ROLES = ("captions", "credits", "bylines", "decks")


def classify_elements(tree: HtmlElement) -> dict[str, list[HtmlElement]]:
    """Every element whose class or id names a caption, credit, byline or deck, by role, in document order."""
    found: dict[str, list[HtmlElement]] = {role: [] for role in ROLES}
    for element in _WITH_CLASS(tree):
        for role in roles_named(f"{element.get('class') or ''} {element.get('id') or ''}"):
            found[role].append(element)
    return found


@lru_cache(maxsize=65536)
def roles_named(raw: str) -> tuple[str, ...]:
    """The roles a class-and-id string names ('article__imageCaption' -> ('captions',)); pages repeat them, so cached."""
    vocab = html_vocabulary()
    joined = _PUNCT.sub("", raw.lower())
    if not vocab.prefilter.search(joined):
        return ()
    split = _CAMEL.sub(" ", raw).lower()
    return tuple(role for role in ROLES if getattr(vocab, role).match_text(split, joined))


def document_position(element: HtmlElement) -> int:
    """The element's place in document order (0 for the root)."""
    return int(element.xpath("count(preceding::*) + count(ancestor::*)"))


_WITH_CLASS = XPath("//*[@class or @id]")


def _prefilter(entries: list[str]) -> re.Pattern:
    """A pattern for the class and id, lower-cased and without punctuation, holding some entry (a superset of matches)."""
    cores = sorted({re.sub(r"[^a-z0-9]+", "", e.lower()) for e in entries}, key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in cores))


@cache
def html_vocabulary() -> HtmlVocabulary:
    """The HTML vocabulary, compiled once."""
    data = load_data("html.json")
    rules = [(reason, p) for name in ("furniture.json",) for reason, patterns in load_data(name).items()
             if not reason.startswith("_") for p in patterns]
    rules += [(reason, p) for reason, patterns in data["body_furniture"].items() for p in patterns]
    runs = [(reason, [p for _, p in run]) for reason, run in groupby(rules, key=lambda r: r[0])]
    classes = [e for key in ("caption_classes", "credit_classes", "byline_classes", "deck_classes") for e in data[key]]
    return HtmlVocabulary(
        captions=_class_names(data["caption_classes"]),
        credits=_class_names(data["credit_classes"]),
        bylines=_class_names(data["byline_classes"]),
        decks=_class_names(data["deck_classes"]),
        site_separators=tuple(data["site_separators"]),
        line_tests=tuple(line_tests(reason, patterns) for reason, patterns in runs),
        prefilter=_prefilter(classes),
    )


def squash(text: str | None) -> str:
    """Whitespace runs (including non-breaking spaces) as one space, trimmed."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text:  # no whitespace but single ASCII spaces (the usual case)
        return text.strip()
    return _WS.sub(" ", text).strip()


def element_text(element: HtmlElement, skip: frozenset | set = frozenset()) -> str:
    """The element's visible text, whitespace squashed (script and style left out, and the `skip` elements)."""
    parts: list[str] = []
    _collect_text(element, parts, skip)
    return squash("".join(parts))


_INVISIBLE = frozenset(("script", "style", "noscript", "template", "button", "svg"))
_BLOCK = frozenset(("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
                    "section", "article", "header", "footer", "blockquote", "table", "tr", "td", "th", "dd", "dt"))


def _collect_text(element: HtmlElement, parts: list[str], skip) -> None:
    if isinstance(element.tag, str) and element.tag not in _INVISIBLE and element not in skip:
        if element.text:
            parts.append(element.text)
        for child in element:
            block = child.tag in _BLOCK
            if block:
                parts.append(" ")
            _collect_text(child, parts, skip)
            if block:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)


def remove_keeping_tail(element: HtmlElement) -> None:
    """Take an element out of the tree, leaving the text that follows it in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
