"""HTML reader: trafilatura's main text, plus figures and scored metadata.

1. Parse the page once (trafilatura's own loader, so it sees the same tree).
2. Read what the page says before anything is taken out of it: metadata
   candidates (`html_meta`) and figures with captions and credits
   (`html_media`).
3. Choose each metadata field from its candidates (`html_choose`), with
   what the page shows just under the chosen headline (dates, 'By' lines,
   a standfirst); the user's `--url` and `--published` win. The URL is
   where the page was fetched (a WARC record's target URI), else the
   page's canonical link, which is also kept as `canonical_url`.
4. Prune the caption and credit elements, run trafilatura on the tree and
   turn its body into paragraphs, furniture out with reasons (`html_body`).
   When the captions hold far more words than the body left without them
   (a slideshow told in its captions), read the page again unpruned.
5. Assemble the article: text is the headline, the deck and the
   paragraphs joined by blank lines, with each paragraph's span, the
   headline's and deck's offsets, and the evidence of every metadata field.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from ..errors import MalformedInput
from ..model import Article, Evidence, Span
from ..pipeline import Document
from .html_body import BodyContext, clean_blocks, extract_blocks, link_texts
from .html_choose import (
    Choice,
    choose_authors,
    choose_date,
    choose_deck,
    choose_language,
    choose_site_name,
    choose_title,
    choose_url,
    norm,
    site_domain,
    strip_site,
)
from .html_media import add_jsonld_images, collect_media
from .html_meta import Candidate, PageFacts, collect_facts, near_headline
from .html_vocab import classify_elements, remove_keeping_tail

STAGE = "html"
PARAGRAPH_SEPARATOR = "\n\n"
SLIDESHOW_MIN_WORDS = 150  # captions with this many words, and
SLIDESHOW_RATIO = 2.0  # ... this many times the words of the body without them, are the story itself


@dataclass
class Metadata:
    """The chosen value of each metadata field, with where it came from."""

    headline: Choice | None = None
    subheadline: Choice | None = None
    published: Choice | None = None
    authors: Choice | None = None
    site_name: Choice | None = None
    language: Choice | None = None
    url: Choice | None = None
    canonical_url: Choice | None = None


def read_html(doc: Document) -> Document:
    """Fill `doc.article` from the HTML page in `doc.raw`."""
    tree = parse_page(doc.raw, doc.source)  # 1
    roles = classify_elements(tree)
    facts = collect_facts(tree, roles)  # 2
    media = collect_media(tree, roles)
    add_jsonld_images(media, facts.images)
    meta = choose_metadata(tree, facts, doc)  # 3
    links = link_texts(tree)
    for element in media.pruned:  # 4
        remove_keeping_tail(element)
    blocks = extract_blocks(tree, _value(meta.url))
    captions = media.captions()
    if _told_in_captions(blocks, captions):  # a slideshow whose captions are the story: read them as body
        tree = parse_page(doc.raw, doc.source)
        blocks, captions = extract_blocks(tree, _value(meta.url)), []
        media.removed = [r for r in media.removed if r.reason not in ("caption", "credit")]
    if not blocks:
        raise MalformedInput("no article text found in the HTML page", doc.source)
    shown_deck = meta.subheadline is not None and meta.subheadline.origin == "deck"  # a standfirst element
    context = BodyContext(headline=_value(meta.headline), deck=_value(meta.subheadline) if shown_deck else None,
                          authors=meta.authors.value if meta.authors else (),
                          captions=captions, links=links, titles=title_keys(facts, meta))
    paragraphs, removed = clean_blocks(blocks, context)
    if not paragraphs:
        raise MalformedInput("the HTML page's text is all page furniture, no article", doc.source)
    if meta.published is None:
        meta.published = _htmldate(tree)
    if meta.authors is None:  # 'Reporting by ...' at the end of the story
        meta.authors = choose_authors([Candidate((r.text,), "contributors") for r in removed if r.reason == "contributors"],
                                      [str(c.value) for c in facts.site_names])
    doc.article = assemble(doc, meta, paragraphs, media.media, media.removed + removed)  # 5
    return doc


def _told_in_captions(blocks: list, captions: list[str]) -> bool:
    """Whether the captions hold the story: many more of their words than the body trafilatura found."""
    caption_words = sum(len(c.split()) for c in captions)
    return caption_words >= SLIDESHOW_MIN_WORDS and caption_words > SLIDESHOW_RATIO * sum(len(b.text.split()) for b in blocks)


def parse_page(html: str, source: str | None = None) -> HtmlElement:
    """The page as an lxml tree, the way trafilatura loads it; a bare fragment is wrapped in a body first."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None or len(tree) == 0:
        tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None:
        raise MalformedInput("not readable as HTML", source)
    return tree


def choose_metadata(tree: HtmlElement, facts: PageFacts, doc: Document) -> Metadata:
    """Each field from its candidates; the user's URL and date win, the WARC's URL comes last."""
    meta = Metadata()
    meta.site_name = choose_site_name(facts.site_names)
    warc_url = doc.scratch.get("warc_url")
    meta.canonical_url = choose_url(facts.urls, doc.url or warc_url)
    if doc.url:
        meta.url = Choice(doc.url, "user")
    elif warc_url:  # where the page was fetched: what joins the record back to its crawl
        meta.url = Choice(warc_url, "warc:WARC-Target-URI")
    else:
        meta.url = meta.canonical_url
    sites = [str(c.value) for c in facts.site_names]
    domain = site_domain(_value(meta.url))
    meta.headline = choose_title(facts.titles, sites, domain)
    at = meta.headline.position if meta.headline else None
    near = near_headline(tree, meta.headline.element if meta.headline else None, at, facts)
    meta.subheadline = choose_deck(facts.decks + near.decks, meta.headline)
    meta.published = Choice(doc.published, "user") if doc.published else choose_date(
        facts.dates + near.dates, facts.modified, at)
    meta.authors = choose_authors(facts.authors + near.authors, sites, domain)
    meta.language = choose_language(facts.languages)
    return meta


def title_keys(facts: PageFacts, meta: Metadata) -> set[str]:
    """The compared form of every title the page gives itself, with and without its site name."""
    sites = [str(c.value) for c in facts.site_names]
    domain = site_domain(_value(meta.url))
    keys = {norm(str(c.value)) for c in facts.titles} | {norm(strip_site(str(c.value), c.origin, sites, domain))
                                                         for c in facts.titles}
    if meta.headline:
        keys.add(norm(str(meta.headline.value)))
    keys.discard("")
    return keys


def _htmldate(tree: HtmlElement) -> Choice | None:
    """The publication date htmldate finds in the page, when no metadata gives one."""
    from htmldate import find_date

    from .html_choose import parse_date

    found = find_date(tree, extensive_search=False, original_date=True)
    iso = parse_date(found) if found else None
    return Choice(iso, "htmldate") if iso else None


def assemble(doc: Document, meta: Metadata, paragraphs: list[str], media, removed) -> Article:
    """The article record: text, paragraph spans, media, furniture and metadata with evidence."""
    evidence = {name: Evidence(stage=STAGE, origin=choice.origin)
                for name, choice in vars(meta).items() if choice is not None}
    parts, offset = [], 0
    for name in ("headline", "subheadline"):  # the headline and the deck open `text`, so later stages read them
        value = _value(getattr(meta, name))
        if value and value.strip():
            evidence[name].start, evidence[name].end = offset, offset + len(value)
            parts.append(value)
            offset += len(value) + len(PARAGRAPH_SEPARATOR)
    spans = []
    for paragraph in paragraphs:
        spans.append(Span(start=offset, end=offset + len(paragraph), text=paragraph))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    authors = meta.authors.value if meta.authors else []
    return Article(
        id=doc.content_id, source=doc.source, input_kind=doc.kind, url=_value(meta.url),
        canonical_url=_value(meta.canonical_url), fetched=doc.fetched,
        headline=_value(meta.headline), subheadline=_value(meta.subheadline), published=_value(meta.published),
        authors=list(authors), site_name=_value(meta.site_name), language=_value(meta.language),
        text=PARAGRAPH_SEPARATOR.join(parts + paragraphs), paragraphs=paragraphs, paragraph_spans=spans,
        media=media, removed=removed, evidence=evidence,
    )


def _value(choice: Choice | None) -> str | None:
    return str(choice.value) if choice is not None else None
