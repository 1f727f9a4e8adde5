"""What an HTML page says about itself: metadata candidates, before any choice.

One walk over the page for its `<meta>` tags, JSON-LD blocks, titles,
headings and `<time>` elements, then the byline- and deck-class elements;
`near_headline` reads what stands just under the chosen headline. Every
value becomes a `Candidate` naming where it was read
(`meta[property=og:title]`, `json-ld`, `h1`, ...);
`newsgraph.readers.html_choose` scores them and picks one per field.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.etree import XPath
from lxml.html import HtmlElement

from .datelines import parse_dateline
from .html_vocab import document_position, element_text, squash

TITLE_KEYS = ("og:title", "twitter:title", "title", "headline", "dc.title", "parsely-title", "sailthru.title")
DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "published_time", "pubdate",
             "publishdate", "publish_date", "publish-date", "publication_date", "article.published", "dc.date.issued",
             "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date",
             "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", "citation_publication_date")
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
               "citation_author", "byl", "twitter:creator")
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
ARTICLE_TYPES = ("Article", "BlogPosting", "Posting", "Report", "Review")
PAGE_TYPES = ("WebPage", "ItemPage")
MAX_JSONLD_DEPTH = 6
MAX_BYLINE_CHARS = 120
PAGE_TAGS = ("title", "h1", "link", "meta", "time", "script")
_ITEMPROP_OR_REL = XPath("//*[@itemprop]|//a[@rel]")
MAX_DECK_CHARS = 1000
MAX_DECKS = 8  # deck-class elements read, in page order
MAX_PLACED_TIMES = 5  # the first <time> elements get their place in the page, to tell the headline's from the rest


@dataclass(frozen=True)
class Candidate:
    """One value for a field, where it was read, and how much that origin is trusted by itself."""

    value: str | tuple[str, ...]
    origin: str
    rank: int = 0  # order among candidates of the same origin (0 = first on the page)
    position: int | None = None  # the element's place in document order, for what is read from elements
    element: HtmlElement | None = field(default=None, compare=False, repr=False)


@dataclass
class PageFacts:
    """Every metadata candidate of a page, by field."""

    titles: list[Candidate] = field(default_factory=list)
    dates: list[Candidate] = field(default_factory=list)
    modified: list[Candidate] = field(default_factory=list)
    authors: list[Candidate] = field(default_factory=list)
    site_names: list[Candidate] = field(default_factory=list)
    urls: list[Candidate] = field(default_factory=list)
    languages: list[Candidate] = field(default_factory=list)
    decks: list[Candidate] = field(default_factory=list)
    descriptions: list[Candidate] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)  # JSON-LD ImageObjects


def collect_facts(tree: HtmlElement, roles: dict[str, list[HtmlElement]]) -> PageFacts:
    """Every candidate the page offers: meta tags, JSON-LD, headings, times, bylines, decks."""
    facts = PageFacts()
    tags: dict[str, list[HtmlElement]] = {tag: [] for tag in PAGE_TAGS}
    for element in tree.iter(*PAGE_TAGS):  # one walk over the page for all of them
        tags[element.tag].append(element)
    _from_meta(tags["meta"], facts)
    for obj, primary in _jsonld_articles(tags["script"]):
        _from_jsonld(obj, primary, facts)
    _from_elements(tree, tags, roles, facts)
    return facts


def _from_meta(metas: list[HtmlElement], facts: PageFacts) -> None:
    for meta in metas:
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = squash(meta.get("content"))
        if not key or not value:
            if (meta.get("http-equiv") or "").lower() == "content-language" and value:
                facts.languages.append(Candidate(value, "meta[http-equiv=content-language]"))
            continue
        origin = f"meta[{'property' if meta.get('property') else 'name' if meta.get('name') else 'itemprop'}={key}]"
        if key in TITLE_KEYS:
            facts.titles.append(Candidate(value, origin))
        elif key in DATE_KEYS:
            facts.dates.append(Candidate(value, origin))
        elif key in MODIFIED_KEYS:
            facts.modified.append(Candidate(value, origin))
        elif key in AUTHOR_KEYS and not value.startswith(("http", "@", "www.")):
            facts.authors.append(Candidate((value,), origin))
        elif key in SITE_KEYS and not value.startswith("@"):
            facts.site_names.append(Candidate(value, origin))
        elif key in DESCRIPTION_KEYS:
            facts.descriptions.append(Candidate(value, origin))
        elif key == "og:url":
            facts.urls.append(Candidate(value, origin))
        elif key == "og:locale":
            facts.languages.append(Candidate(value, origin))


def _jsonld_articles(scripts: list[HtmlElement]) -> Iterator[tuple[dict, bool]]:
    """The article-like objects of the page's JSON-LD, and whether each is an article (not just a web page)."""
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        for obj in _walk(data, 0):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            names = [t for t in types if isinstance(t, str)]
            if any(t.endswith(ARTICLE_TYPES) for t in names):
                yield obj, True
            elif any(t in PAGE_TYPES for t in names):
                yield obj, False


def _load_json(text: str):
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().removesuffix(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except ValueError:
            return None


def _walk(data, depth: int) -> Iterator[dict]:
    if depth > MAX_JSONLD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key, value in data.items():
            if key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart") and \
                    isinstance(value, (list, dict)):
                yield from _walk(value, depth + 1)


def _from_jsonld(obj: dict, primary: bool, facts: PageFacts) -> None:
    origin = "json-ld" if primary else "json-ld:webpage"
    for key in ("headline", "name") if primary else ("headline",):
        if isinstance(obj.get(key), str) and squash(obj[key]):
            facts.titles.append(Candidate(_unescape(obj[key]), origin))
            break
    if isinstance(obj.get("alternativeHeadline"), str) and squash(obj["alternativeHeadline"]):
        facts.decks.append(Candidate(_unescape(obj["alternativeHeadline"]), "json-ld:alternativeHeadline"))
    for key, target in (("datePublished", facts.dates), ("dateCreated", facts.dates), ("dateModified", facts.modified)):
        if isinstance(obj.get(key), str) and obj[key].strip():
            target.append(Candidate(obj[key].strip(), f"{origin}:{key}"))
    for key in ("author", "creator"):
        names = tuple(n for n in _names(obj.get(key)) if n)
        if names:
            facts.authors.append(Candidate(names, f"{origin}:{key}"))
            break
    publisher = obj.get("publisher")
    for name in _names(publisher):
        facts.site_names.append(Candidate(name, f"{origin}:publisher"))
    if isinstance(obj.get("inLanguage"), str):
        facts.languages.append(Candidate(obj["inLanguage"], f"{origin}:inLanguage"))
    for key in ("url", "mainEntityOfPage"):
        value = obj.get(key)
        value = value.get("@id") if isinstance(value, dict) else value
        if isinstance(value, str) and value.startswith("http"):
            facts.urls.append(Candidate(value, f"{origin}:{key}"))
            break
    for key in ("image", "associatedMedia"):
        images = obj.get(key)
        for image in images if isinstance(images, list) else [images]:
            if isinstance(image, dict) and image.get("caption"):
                facts.images.append(image)


def _names(value) -> list[str]:
    """Names from a JSON-LD person, organisation, string or list of them."""
    if isinstance(value, str):
        return [_unescape(value)] if not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [_unescape(n) for n in name if isinstance(n, str)]
        return [_unescape(name)] if isinstance(name, str) and _unescape(name) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _unescape(text: str) -> str:
    """JSON-LD text with HTML entities left in it ('O&#039;Neil') read as the characters they stand for."""
    return squash(html.unescape(text) if "&" in text else text)


def _from_elements(tree: HtmlElement, tags: dict[str, list[HtmlElement]], roles: dict[str, list[HtmlElement]],
                   facts: PageFacts) -> None:
    root = tree.getroottree().getroot()
    if root.get("lang"):
        facts.languages.append(Candidate(root.get("lang").strip(), "html[lang]"))
    for rank, title in enumerate(tags["title"]):
        if rank == 0 and squash(title.text_content()):
            facts.titles.append(Candidate(squash(title.text_content()), "title"))
    for rank, h1 in enumerate(tags["h1"]):
        text = element_text(h1)
        if text:
            facts.titles.append(Candidate(text, "h1", rank, document_position(h1), h1))
    for link in tags["link"]:
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and (link.get("href") or "").strip():
            facts.urls.append(Candidate(link.get("href").strip(), "link[rel=canonical]"))
    for element in _ITEMPROP_OR_REL(tree):
        if element.get("itemprop") in ("headline", "datePublished", "author"):
            _from_itemprop(element, facts)
        elif element.tag == "a" and (element.get("rel") or "").strip().lower() == "author" and element_text(element):
            facts.authors.append(Candidate((element_text(element),), "a[rel=author]"))
    for rank, time in enumerate(tags["time"]):
        value = (time.get("datetime") or "").strip()
        if value:
            origin = "time[pubdate]" if time.get("pubdate") is not None else "time[datetime]"
            position = document_position(time) if rank < MAX_PLACED_TIMES else None
            facts.dates.append(Candidate(value, origin, rank, position))
    for rank, byline in enumerate(roles["bylines"]):
        if len(byline.text_content()) > MAX_BYLINE_CHARS * 2:
            continue  # an author box or a comment thread, not a byline
        text = element_text(byline)
        if text and len(text.split()) <= 25:
            facts.authors.append(Candidate((text,), "byline", rank))
    decks = [d for d in roles["decks"] if d.tag not in ("body", "article", "main", "section")
             and len(d.text_content()) <= MAX_DECK_CHARS]
    for rank, deck in enumerate(decks[:MAX_DECKS]):
        text = element_text(deck)
        if text:
            facts.decks.append(Candidate(text, "deck", rank, document_position(deck)))


def _from_itemprop(element: HtmlElement, facts: PageFacts) -> None:
    prop = element.get("itemprop")
    if element.tag == "meta":
        return  # read with the other meta tags
    if prop == "headline":
        text = element_text(element)
        if text:
            facts.titles.append(Candidate(text, "[itemprop=headline]"))
    elif prop == "datePublished":
        value = element.get("datetime") or element.get("content") or element_text(element)
        if value:
            facts.dates.append(Candidate(value.strip(), "[itemprop=datePublished]"))
    elif prop == "author":
        names = element.xpath('.//*[@itemprop="name"]')
        text = element_text(names[0]) if names else element_text(element)
        if text and len(text.split()) <= 25:
            facts.authors.append(Candidate((text,), "[itemprop=author]"))


NEAR_REACH = 120  # elements after the headline read for what the page shows under it
SHOWN_DATE_CHARS = 80
SHOWN_TAGS = frozenset(("p", "h2", "h3", "div", "span"))
_FOLLOWING = XPath(f"following::*[position() <= {NEAR_REACH}]")
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_BY = re.compile(r"\s*by\b", re.IGNORECASE)
_BY_TEXT = XPath("//*[self::p or self::div or self::span or self::address or self::strong or self::em or self::li]"
                 "[starts-with(normalize-space(text()[1]), 'By ') or starts-with(normalize-space(text()[1]), 'by ')"
                 " or normalize-space(text()[1]) = 'By' or normalize-space(text()[1]) = 'by']")


def near_headline(tree: HtmlElement, headline: HtmlElement | None, position: int | None, facts: PageFacts) -> PageFacts:
    """What the page shows under its headline: dates written as text (not updates), 'By ...' lines, and the
    description shown as a standfirst. One pass over the elements that follow the headline; on a page
    without a headline element, the 'By ...' lines of the whole page."""
    near = PageFacts()
    if headline is None:
        lines = (element_text(e) for e in _BY_TEXT(tree))
        near.authors = [Candidate((line,), "by-text", rank) for rank, line in enumerate(lines) if len(line) <= MAX_BYLINE_CHARS]
        return near
    wanted = {_norm(c.value): c for c in facts.descriptions if len(str(c.value).split()) >= 5}
    for offset, element in enumerate(_FOLLOWING(headline), start=1):
        if element.tag in ("script", "style"):
            continue
        for text in (element.text, element.tail):
            text = squash(text)
            if text and len(text) <= SHOWN_DATE_CHARS:
                stamps = parse_dateline(text)
                if stamps and not stamps[0].updated and not _UPDATED.search(text):
                    near.dates.append(Candidate(stamps[0].value, "text under the headline", len(near.dates)))
        if element.text and _BY.match(element.text):
            line = element_text(element)
            if len(line) <= MAX_BYLINE_CHARS:
                near.authors.append(Candidate((line,), "by-text", len(near.authors)))
        if wanted and element.tag in SHOWN_TAGS and not (element.tag in ("div", "span") and len(element)):
            found = wanted.pop(_norm(element.text_content()), None)
            if found is not None:
                near.decks.append(Candidate(element_text(element), f"{found.origin} (shown)", 0,
                                            None if position is None else position + offset))
    return near


def _norm(text) -> str:
    return re.sub(r"\W+", " ", str(text).lower()).strip()
