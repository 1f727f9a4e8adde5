"""Names as wire and financial news write them, for `names.py`: datelines, market terms, appositions that rank a
firm, exchanges before a ticker, the company a ticker names and the names of listed companies. Each use sits behind
its own switch (`rules.py`): `datelines`, `market_terms`, `firm_appositions`, `ticker_exchanges`, `listed_firms`,
`known_firms`. Across the article, `type_agreement` asks `firm_names` which names stay a listed company's."""

from __future__ import annotations

import re
from functools import cache

from ..readers.furniture import load_data
from .context import ParsedParagraph, title_case
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


EXCHANGES = frozenset({
    "NYSE", "NASDAQ", "NASDAQGS", "NASDAQGM", "NASDAQCM", "NASDAQ OTHER", "NYSE AMERICAN", "NYSE ARCA", "NYSE MKT",
    "NYSEARCA", "AMEX", "ARCA", "BATS", "CBOE", "OTC", "OTHER OTC", "OTCQX", "OTCQB", "OTCMKTS", "OTC MARKETS", "PINK",
    "LSE", "AIM", "LON", "TSX", "TSXV", "CSE", "NEO", "ASX", "NZX", "NZSE", "FRA", "ETR", "XETRA", "EPA", "AMS", "BRU",
    "BIT", "BME", "SIX", "SWX", "VTX", "STO", "HEL", "CPH", "OSL", "ISE", "ELI", "WSE", "EURONEXT", "TYO", "TSE",
    "HKEX", "HKG", "SEHK", "SGX", "NSE", "BSE", "JSE", "KRX", "KOSDAQ", "SSE", "SZSE", "TASE", "BMV", "BOVESPA",
    "MOEX"})
"""Stock exchanges as pages write them before a ticker ('(NYSE: GM)', '(Other OTC: ALBWF)', '(NasdaqGS: AAPL)')."""


def listings(para: ParsedParagraph) -> list[tuple[int, int, int]]:
    """Where a ticker in brackets follows a name ('Blinkx (LSE: BLNX)', 'Alpha Bank (Other OTC: ALBWF - news)',
    'Ford ( NYSE:F )'): the character offsets in the paragraph of the bracket and of the ticker's symbol. The
    exchange is one of `EXCHANGES`, or a town with a symbol of a town's market ('(Amsterdam: GX8.AS)'); not a
    caption's or a poll's label ('(Picture: PA)', '(Lab: HOLD)')."""
    return [(m.start(), m.start("symbol"), m.end("symbol")) for m in LISTING.finditer(para.text)
            if _exchange(m.group("exchange"), m.group("symbol")) and m.start() > 0 and para.text[m.start() - 1] != "\n"]


def _exchange(exchange: str, symbol: str) -> bool:
    return exchange.upper() in EXCHANGES or "." in symbol and known_place(exchange)


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


@cache
def _firms() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]]]:
    """The listed companies' names (data/firms.json, `scripts/build_firms.py`): those that may make a name, those
    that only type one the model found, and the first ones by their first word, longest first."""
    data = load_data("firms.json")
    names = frozenset(data["names"])
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name.split()[0], []).append(name)
    return names, frozenset(data["labelled_only"]), {w: tuple(sorted(f, key=len, reverse=True))
                                                      for w, f in by_first.items()}


def listed_name(name: str) -> bool:
    """Whether a name is a listed company's, also one that is an English word ('Target', 'Oracle')."""
    names, labelled_only, _ = _firms()
    return name in names or name in labelled_only


def known_firm(name: str, kind: str) -> bool:
    """Whether a name the model typed `kind` is a listed company's ('Glencore', 'Lockheed Martin'); a name that is
    also an English word, a town's or a short acronym ('Waste Management', 'Toyota', 'IBM') only when the model
    took it for a person."""
    names, labelled_only, _ = _firms()
    return name in names or kind == "person" and name in labelled_only


def firm_names(mentions: list) -> set[str]:
    """The names the article writes as a listed company's (`NameMention.firm`). Not one the article also writes
    as a person's or a place's where a listed company's name may not be read (after a title, 'Dr Suzuki'; 'the
    Amazon'; a town before its region, 'Bristow, Okla.'), nor one described as a person ('Suzuki, 23,') or the
    last word of a longer name that is no company's ('Nikola Tesla'): there, the mentions the list retyped take
    the model's type back, and the ones it added are dropped."""
    firms = {m.text for m in mentions if m.firm}
    if not firms:
        return firms
    surnames = {m.text.split()[-1] for m in mentions if 2 <= len(m.text.split()) <= 3 and not m.firm
                and not known_firm(m.text, "person") and m.text.split()[-1] in firms}  # 'Nikola Tesla'; 'Ana Suzuki'
    refused = surnames | {m.text for m in mentions if m.titles or m.described} | {
        m.text for m in mentions if not m.firm and m.type in ("person", "place") and known_firm(m.text, m.type)}
    for m in mentions:
        if m.text in refused and m.firm and m.firm_from:
            m.type, m.firm = m.firm_from, False
    return firms - refused


CAPITALISED = re.compile(r"[A-Z][\w&]*")


def firm_words(text: str) -> bool:
    """Whether any capitalised word of the text opens a listed company's name (one pass of a pattern, not a walk
    over tokens: most paragraphs hold none)."""
    return not _firms()[2].keys().isdisjoint(CAPITALISED.findall(text))


def firm_spans(para: ParsedParagraph, found: list[tuple[int, int]], dropped: set[int]) -> list[tuple[int, int]]:
    """The token spans of listed companies' names the model left unlabelled or cut ('Glencore'; 'Lockheed Martin'
    read as 'Lockheed' and a person 'Martin'), each whole: not run on by a capitalised word before or after it ('New
    Glencore Road'), not a town before its region, no token of it `dropped` by a rule, and every name already
    `found` (token spans) that it touches inside it; none in a line in title case."""
    doc, (_, _, by_first) = para.doc, _firms()
    out, end_of = [], 0
    if title_case(para.text):
        return out  # 'How Waste Management Could Change Our Town': every word capitalised
    for t in doc:
        if t.text not in by_first or t.i < end_of:
            continue
        for name in by_first[t.text]:
            end = t.idx + len(name)
            if not para.text.startswith(name, t.idx) or end < len(para.text) and para.text[end].isalnum():
                continue
            span = doc.char_span(t.idx, end)
            if span is None or (span.start, span.end) in found or dropped.intersection(range(span.start, span.end)):
                continue
            if any(a < span.end and span.start < b and not (span.start <= a and b <= span.end) for a, b in found):
                continue
            if _capitalised(doc, span.start - 1) and not doc[span.start].is_sent_start or _capitalised(doc, span.end) \
                    or before_region(doc, span.end):
                break  # 'Bristow, VA': a town
            out.append((span.start, span.end))
            end_of = span.end
            break
    return out


def before_region(doc, i: int) -> bool:
    """Whether a comma and a place, or a state's code, follow token `i`, as after a town ('Bristow, Virginia',
    'Bristow, VA')."""
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    after = doc[i + 1]
    return after.ent_type_ == "GPE" or known_place(after.text) or len(after.text) == 2 and after.text.isupper()


def _capitalised(doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN"
