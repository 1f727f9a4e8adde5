"""Pictures of an HTML page: figures, their captions and credits.

1. Every `<figure>`: its first picture (src, alt), its `<figcaption>` (or
   caption-class element) and the credit in it: a credit-class element, or
   a 'Photo: ...' label in the caption's text.
2. Caption-class elements outside figures ('wp-caption-text', 'cutline'),
   with the picture just before them in their container.
3. Credit-class elements next to a picture, outside any caption and
   outside the page's footer (a site's copyright line is no credit). A
   picture has one entry: a credit for a picture already listed completes
   that entry, when it has none, instead of making a second one.
4. Image objects of the page's JSON-LD whose caption was not seen yet.

Every caption and credit element is listed in `PageMedia.pruned`, so the
body extractor can take them out first: a caption never reaches the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ..model import Media, Removed
from .furniture import parse_credit
from .html_vocab import element_text, squash

STAGE = "html"
MAX_CAPTION_WORDS = 150
"""A caption-class element with more words than this is a text block, not a caption."""
MAX_CREDIT_WORDS = 15
PICTURES = ("img", "picture", "video", "svg", "iframe")
_LAZY_SRC = ("src", "data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset")
_LABEL = re.compile(r"^\(?\s*(?:photo(?:graph)?s?|image|picture|pic|credit|foto|illustration|source|courtesy)"
                    r"(?:\s+(?:credit|courtesy|by|of))*\s*[:：]?\s*", re.IGNORECASE)


@dataclass
class PageMedia:
    """The page's pictures and the elements their captions and credits came from."""

    media: list[Media] = field(default_factory=list)
    pictures: list[HtmlElement | None] = field(default_factory=list)  # the <img> of each entry of `media`
    pruned: list[HtmlElement] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def captions(self) -> list[str]:
        return [t for m in self.media for t in (m.caption, m.credit) if t]


def collect_media(tree: HtmlElement, roles: dict[str, list[HtmlElement]]) -> PageMedia:
    """Every figure, caption and credit of the page (steps 1-3 of the module docstring)."""
    page = PageMedia()
    credits = set(roles["credits"]) | set(tree.xpath('//*[@itemprop="creditText" or @itemprop="copyrightHolder"]'))
    claimed: set[HtmlElement] = set()
    caption_class = [c for c in roles["captions"] if _is_caption(c)]
    for figure in tree.iter("figure"):
        if figure in claimed:
            continue
        claimed.update(figure.iter())
        captions = list(figure.iter("figcaption")) or _outermost([c for c in caption_class if c in claimed])
        figure_credits = [c for c in figure.iter() if c in credits and not any(_inside(c, k) or _inside(k, c)
                                                                               for k in captions)]
        _add(page, _picture(figure), captions, figure_credits, credits)
    loose = _outermost([c for c in caption_class if c not in claimed and c.tag != "figure"])
    for caption in loose:
        claimed.update(caption.iter())
        _add(page, _picture_before(caption), [caption], [], credits)
    for credit in roles["credits"]:
        if credit in claimed or len(element_text(credit).split()) > MAX_CREDIT_WORDS or _in_page_footer(credit):
            continue
        picture = _picture_before(credit)
        if picture is None:
            continue
        claimed.update(credit.iter())
        listed = next((m for m, img in zip(page.media, page.pictures) if img is picture), None)
        if listed is None:
            _add(page, picture, [], [credit], credits)
        elif not listed.credit and _clean_credit(element_text(credit)):
            listed.credit = _clean_credit(element_text(credit))
            page.pruned.append(credit)
            page.removed.append(Removed(text=listed.credit, reason="credit", stage=STAGE))
    return page


def _in_page_footer(element: HtmlElement) -> bool:
    """Whether the element sits in the page's own footer (a <footer> outside any article, or role=contentinfo)."""
    for ancestor in element.iterancestors():
        if ancestor.get("role") == "contentinfo":
            return True
        if ancestor.tag == "footer" and not any(a.tag in ("article", "figure") for a in ancestor.iterancestors()):
            return True
    return False


def add_jsonld_images(page: PageMedia, images: list[dict]) -> None:
    """Image objects from JSON-LD with a caption the page's figures do not already have (step 4)."""
    known = {_key(t) for t in page.captions()}
    for image in images:
        caption = squash(str(image.get("caption") or "")) or None
        if not caption or _key(caption) in known:
            continue
        credit = image.get("creditText") or image.get("copyrightHolder") or image.get("author")
        if isinstance(credit, dict):
            credit = credit.get("name")
        url = image.get("contentUrl") or image.get("url")
        page.media.append(Media(caption=caption, credit=_clean_credit(str(credit)) if credit else None,
                                src=url if isinstance(url, str) else None, stage=STAGE))
        page.pictures.append(None)
        known.add(_key(caption))


def _add(page: PageMedia, picture: HtmlElement | None, captions: list[HtmlElement], credit_elements: list[HtmlElement],
         credits: set[HtmlElement]) -> None:
    inner_credits = [c for k in captions for c in k.iter() if c in credits and c is not k]
    skip = set(inner_credits)
    caption = squash(" ".join(element_text(k, skip) for k in captions if k not in credits)) or None
    credit_texts = [element_text(c) for c in _outermost(inner_credits + credit_elements)]
    credit = _clean_credit(" ".join(t for t in credit_texts if t)) or None
    if caption and not credit:
        caption, credit = _split_credit(caption)
    src, alt = _src_alt(picture)
    if not (caption or credit or src or alt):
        return
    page.media.append(Media(alt=alt, caption=caption, credit=credit, src=src, stage=STAGE))
    page.pictures.append(picture)
    page.pruned.extend(captions + credit_elements)
    page.removed.extend(Removed(text=t, reason=r, stage=STAGE) for t, r in ((caption, "caption"), (credit, "credit")) if t)


def _split_credit(caption: str) -> tuple[str | None, str | None]:
    """A caption with its credit glued on ('A man waves. Photo: Jane Doe/AP'), or a caption that is only a credit."""
    found = parse_credit(caption)
    if found is None:
        return caption, None
    return (found.caption or None), _clean_credit(found.credit)


def _clean_credit(text: str) -> str:
    """The credit without its 'Photo:' / 'Credit:' label and brackets."""
    text = squash(text).strip("()[] ")
    found = parse_credit(text)
    if found is not None and found.caption is None:
        text = found.credit
    return squash(_LABEL.sub("", text)).strip("()[] ")


def _is_caption(element: HtmlElement) -> bool:
    """A caption-class element that holds text, not pictures or a whole text block."""
    if element.tag in ("body", "html", "article", "main", "section", "ul", "ol", "table", "button", "a"):
        return False
    if any(True for _ in element.iter(*PICTURES, "figure", "h1", "h2")):
        return False
    words = len(element_text(element).split())
    return 0 < words <= MAX_CAPTION_WORDS


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements not inside another element of the list."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _inside(element: HtmlElement, container: HtmlElement) -> bool:
    return any(a is container for a in element.iterancestors())


def _picture(container: HtmlElement) -> HtmlElement | None:
    for img in container.iter("img"):
        return img
    return None


def _picture_before(element: HtmlElement, levels: int = 2) -> HtmlElement | None:
    """The last picture before the element within its parent (or grandparent)."""
    node = element
    for _ in range(levels):
        parent = node.getparent()
        if parent is None:
            return None
        for sibling in node.itersiblings(preceding=True):
            imgs = [sibling] if sibling.tag == "img" else list(sibling.iter("img"))
            if imgs:
                return imgs[-1]
        node = parent
    return None


def _src_alt(img: HtmlElement | None) -> tuple[str | None, str | None]:
    if img is None:
        return None, None
    src = None
    for attr in _LAZY_SRC:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            src = value.split(",")[0].split()[0] if "srcset" in attr else value
            break
    alt = squash(img.get("alt")) or None
    return src, alt


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
