"""Names as wire and financial news write them, for `names.py`: datelines, market terms, appositions that rank a
firm, exchanges before a ticker and the company a ticker names. Each use sits behind its own switch (`rules.py`):
`datelines`, `market_terms`, `firm_appositions`, `ticker_exchanges`, `listed_firms`."""

from __future__ import annotations

import re
from functools import cache

from ..readers.furniture import load_data
from .context import ParsedParagraph
from .name_evidence import known_place

DATELINE = re.compile(r"(?m)^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?P<after>(?P<date>,? +(?:Jan|Feb|Mar|"
                      r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)|,? *\( ?[A-Z]|,? +[-—–]+ +| *(?:[—–]{1,2}|--)"
                      r"(?=[A-Z\n]))")  # a lone hyphen joins a word ('UW-Madison', 'CO-FOUNDER'), no dateline's dash


WIRE = re.compile(r",? *\( ?[A-Z][\w.&-]* ?\) *[-—–]")  # '(Reuters) -', '(AP) —' after a town the gazetteer lacks


def datelines(para: ParsedParagraph) -> dict[int, tuple[int, int]]:
    """The town of each dateline opening a line of the paragraph, written in capitals before a date, a bracket or a
    dash ('TOKYO (Reuters) -', 'LUSAKA, July 30 (Reuters) -', 'ANKARA - Central bank of ...'): its first token ->
    (the token after the town, the first token after the dateline's punctuation). The town must be a place the
    gazetteer or the region list knows, or stand before a wire's one word in brackets and a dash ('LONDON (AP) -'):
    a body or an acronym opening a line in capitals is none ('OPEC (...)', 'NASA - ...', 'BREAKING - ...')."""
    doc, out = para.doc, {}
    for m in DATELINE.finditer(para.text):
        place = town_name(m.group("place"))
        if not known_place(place) and not WIRE.match(para.text, m.end("date") if m.group("date") else m.end("place")):
            continue  # 'OPEC (Organization of ...)', 'NASA - the agency said', 'HARVALE CO (NYSE: HC)': no town
        span = doc.char_span(m.start(), m.end("place"))
        if span is None:
            continue
        rest = span.end
        if m.group("date"):  # 'BRASILIA Oct 23': the date is no part of a name either
            while rest < len(doc) and doc[rest].idx < m.end("date"):
                rest += 1
        while rest < len(doc) and doc[rest].is_punct and doc[rest].text not in ("(", "“", '"'):
            rest += 1
        out[span.start] = (span.end, rest)
    return out


def town_name(written: str) -> str:
    """A town's name written in capitals, as a body writes it: each word and each part after a hyphen opens with a
    capital ('KING'S LYNN' -> "King's Lynn", 'WINSTON-SALEM' -> 'Winston-Salem')."""
    return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in written.split())


@cache
def market_acronyms() -> frozenset[str]:
    """Time zones and acronyms of market terms that are never names (entities.json `market_acronyms`)."""
    return frozenset(load_data("entities.json")["market_acronyms"])


APPOSITION_MARKS = frozenset({",", "(", "-", "–", "—", ":"})
SIZE_RANKS = ("largest", "biggest")  # 'the region's largest adviser', 'the second-biggest lender'


def firm_apposition(doc, last: int, noun) -> bool:
    """An apposition that describes no person: one with no comma or bracket after the name ('Orvel Bank head of
    research NAME': the head is the person named next), or a role ranked by size ('X, the region's largest
    letting adviser')."""
    return doc[last].text not in APPOSITION_MARKS or any(
        t.i < noun.i and t.lower_.endswith(SIZE_RANKS) for t in noun.subtree)


TICKER = re.compile(r"\(\s*(?P<exchange>[A-Z][A-Za-z]{1,15})\s*:\s*(?=[A-Z0-9.]*[A-Z])[A-Z0-9][A-Z0-9.]*(?=[\s),;])")
NOT_EXCHANGES = frozenset({"UPDATE", "UPDATED", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "READ", "LISTEN", "SOURCE",
                           "CREDIT", "NOTE", "EDITOR", "CORRECTION", "LIVE", "MORE", "SEE", "ALSO"})


LISTING = re.compile(r"\(\s*(?P<exchange>[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?)\s*:\s*"
                     r"(?P<symbol>(?=[A-Z0-9.]*[A-Z])[A-Z0-9][A-Z0-9.]{0,11})(?=\s*[),;-])")


def listings(para: ParsedParagraph) -> list[tuple[int, int, int]]:
    """Where a ticker in brackets follows a name ('Blinkx (LSE: BLNX)', 'Alpha Bank (Other OTC: ALBWF - news)',
    'Ford ( NYSE:F )'): the character offsets in the paragraph of the bracket and of the ticker's symbol."""
    return [(m.start(), m.start("symbol"), m.end("symbol")) for m in LISTING.finditer(para.text)
            if m.group("exchange").upper() not in NOT_EXCHANGES and m.start() > 0 and para.text[m.start() - 1] != "\n"]


def ticker_exchanges(para: ParsedParagraph) -> list[tuple[int, int]]:
    """The token spans of stock exchanges named before a ticker in brackets ('(LSE: BOO)', '(NYSE: GM)',
    '(NasdaqGS: AAPL)'): one word with two capitals or more, so no town ('(Amsterdam: GX8.AS)') is taken."""
    out = []
    for m in TICKER.finditer(para.text):
        exchange = m.group("exchange")
        if sum(ch.isupper() for ch in exchange) < 2 or exchange.upper() in NOT_EXCHANGES:
            continue  # a town ('(Amsterdam: GX8.AS)'), a label ('(UPDATE: 10 a.m.)', '(PHOTOS: AP)')
        span = para.doc.char_span(m.start("exchange"), m.end("exchange"))
        if span is not None:
            out.append((span.start, span.end))
    return out
