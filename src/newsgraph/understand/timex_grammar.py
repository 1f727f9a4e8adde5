"""The grammar of temporal expressions: how each form is written, read into a `timex.Reading`.

`read(text)` reads a whole expression (a spaCy DATE/TIME entity);
`scan(text)` finds expressions in running text, for the ones spaCy's
entities miss or cut badly. Each `Rule` is a regular expression and a
handler (`timex_handlers`) that turns its match into a `Reading`; longer
forms come first. A rule's `hints` and `needs` are cheap pre-checks, so
most rules never run over a paragraph that cannot hold their form. A
`pair` rule writes a range as its two points ("from 2009 to 2011").

The rule families (see `FAMILIES`, which the ablation script switches
off one at a time): calendar dates, relative dates, weekdays and day
words, durations, sets, clock times, TimeML references (PRESENT_REF,
PAST_REF, FUTURE_REF), parts of the year (quarters, halves, seasons),
fiscal years (FY2008), quarters told before ("the latest quarter", "the
year-ago quarter"), ranges, the past period ("the past year": the year
before) and the period in focus ("the full year", "later in the day").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import timex_handlers as h
from .timex import MONTHS, UNITS, WEEKDAYS, Reading

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_YREL = r"(?P<yrel>last|next|this|the\s+current|the\s+same)\s+year\b(?!-)"
# "of the year": the year in hand ("the second half of the year"); not "of the year-earlier period", "of the year
# before", "of the year ended March 31", "of the year 2010"
_OF_THE_YEAR = r"\s+of\s+(?P<ythe>the)\s+year\b(?![-'’])(?!\s+(?:before|after|ago|earlier|later|ended|ending|to|\d))"
_YEAR_OF = r"(?:,?\s+(?:of\s+)?(?:" + _YEAR + "|" + _YREL + ")|" + _OF_THE_YEAR + ")"
_OF_YEAR = r"(?:\s+of\s+(?:" + _YEAR + "|" + _YREL + ")|" + _OF_THE_YEAR + ")"  # "of" required
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_PREFIX = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_EDGE = r"(?:(?P<edge>early|mid|late)[-\s]+)?"
_NUMBER = (r"(?P<num>\d+(?:\.\d+)?(?:\s+1/2|½)?|a couple of|couple of|a dozen|a hundred|one hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)")
# "of" and a year: "of the year", "of the same year", "of fiscal 2008", "of FY2008"; "of" and anything else is a part of
# that, not of a year ("three quarters of the staff", "the second half of January", "the first quarter of the game")
_OF_OTHER = (r"(?!\s+of\s+(?!(?:(?:the|this|last|next|that|its|their)\s+)?(?:same\s+|current\s+|following\s+|"
             r"previous\s+)?(?:fiscal\s+|financial\s+|calendar\s+)?(?:year\b|\d{4}\b)|FY\s*'?\d))")
_QUARTERS = r"quarters?" + _OF_OTHER  # "three quarters of the staff" is a fraction, not a length of time
_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|" + _QUARTERS + r"|years?|decades?|centuries|century)"
_PLURAL_UNIT = r"(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
# A preposition before a bare year or month ("in 2019", "since March"): matched, but not part of the expression.
_PREP = r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|of|before|after|[Ff]rom|through)\s+"
_REFERENCES = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                       for w in sorted(h.REFERENCE_OF, key=len, reverse=True)
                       if w not in ("current", "recent", "future"))  # adjectives: too often not temporal


@dataclass(frozen=True)
class Rule:
    """One form of temporal expression: how to read it, and whether to look for it in running text."""

    name: str
    family: str
    pattern: str
    read: Callable[[re.Match], Reading]
    scan: bool = True  # False: only read spaCy's DATE/TIME entities with it (too ambiguous in running text)
    flags: int = 0
    hints: frozenset[str] = frozenset()  # words one of which the text must hold (a cheap pre-check); "#": a digit.
    # A hint is a whole run of ASCII letters every match holds (the text's runs are compared as written and lower-cased)
    needs: str = ""  # a character the text must hold, also a cheap pre-check
    pair: bool = False  # a range: groups `a` and `b` are two expressions, read by `read` from their own text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DIGIT = frozenset({"#"})
YEAR_DIGITS = frozenset({"#year"})  # a year's digits (_YEAR_DIGITS): for rules every match of which holds _YEAR
MONTH_WORDS = frozenset(m.title() for m in MONTHS)  # month rules are case-sensitive: "may" is a verb
WEEKDAY_WORDS = frozenset(WEEKDAYS)
UNIT_WORDS = frozenset(w for u in UNITS for w in (u, u + "s")) | {"centuries"}
DAY_PARTS = _words("day morning afternoon evening night")
I = re.I

# Longer forms first: the first rule that matches an entity wins, and in
# running text overlapping matches are settled by length.
RULES: tuple[Rule, ...] = (
    Rule("year-range", "range", r"(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<a>(?:1[5-9]|20)\d\d)\s*(?:-|–|to|and|through|until)"
         r"\s*(?P<b>(?:1[5-9]|20)\d\d)(?![\d,.]*\d)", h.year, hints=YEAR_DIGITS, pair=True),
    Rule("iso", "calendar", r"(?P<year>\d{4})-(?P<nmonth>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])", h.iso,
         hints=DIGIT, needs="-"),
    Rule("numeric", "calendar", r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d|\d\d)(?![/\d])", h.numeric,
         hints=DIGIT, needs="/"),
    Rule("month-day-year", "calendar", _WEEKDAY_PREFIX + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, h.calendar,
         hints=MONTH_WORDS),
    Rule("day-month-year", "calendar", _WEEKDAY_PREFIX + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH +
         r",?\s+" + _YEAR, h.calendar, hints=MONTH_WORDS),
    Rule("month-year", "calendar", _EDGE + _MONTH + _YEAR_OF, h.calendar, hints=MONTH_WORDS),
    Rule("month-day", "calendar", _WEEKDAY_PREFIX + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\d)", h.calendar,
         hints=MONTH_WORDS),
    Rule("day-month", "calendar", _WEEKDAY_PREFIX + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH, h.calendar,
         hints=MONTH_WORDS),
    Rule("month-modified", "calendar", r"(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)[-\s]+" + _MONTH +
         r"(?!\s*\d)", h.month_alone, hints=MONTH_WORDS),
    Rule("month-after-preposition", "calendar", _PREP + r"(?P<expr>" + _EDGE + _MONTH + r")(?!\s*\d)",
         h.month_alone, hints=MONTH_WORDS),
    Rule("month", "calendar", _EDGE + _MONTH, h.month_alone, scan=False),
    Rule("final-quarter", "year-part", r"(?:the\s+)?(?P<ord>last|final)[-\s]+(?P<qunit>quarter|half)" + _OF_YEAR,
         h.quarter, flags=I, hints=_words("quarter half")),  # 'the final quarter of 2009': Q4 (not 'last quarter')
    Rule("quarter", "year-part",
         r"(?:the\s+)?" + _ORD + r"[-\s]+(?P<qunit>quarter|half)s?" + _OF_OTHER + _YEAR_OF + "?",
         h.quarter, flags=I, hints=_words("quarter half quarters halves")),
    Rule("year-quarter", "year-part", r"(?:the\s+)?(?:" + _YEAR + "|" + _YREL + r")(?:['’]s)?\s+" + _ORD + r"[-\s]+(?P<qunit>quarter|half)\b", h.quarter,
         flags=I, hints=_words("quarter half")),
    Rule("q-number", "year-part", r"Q(?P<qnum>[1-4])(?:\s+" + _YEAR + ")?", h.quarter, hints=_words("Q")),
    Rule("fiscal", "fiscal", r"(?:(?:the\s+)?fiscal(?:[-\s]+year)?|FY)\s*(?:" + _YEAR + r"|'?(?P<short>\d\d)\b)",
         h.fiscal, flags=I, hints=_words("fiscal fy")),
    Rule("year-fiscal", "fiscal", r"(?:the\s+|its\s+|their\s+)?" + _YEAR + r"\s+fiscal\s+year", h.fiscal, flags=I,
         hints=_words("fiscal")),
    Rule("fiscal-relative", "fiscal", r"(?P<mod>this|last|next|the\s+current|the\s+previous|the\s+next|"
         r"the\s+last|the\s+past|the\s+coming)\s+fiscal\s+year", h.fiscal, flags=I, hints=_words("fiscal")),
    Rule("season-modified", "year-part", r"(?P<mod>last|next|this|early|late)\s+" + _SEASON + _YEAR_OF + "?",
         h.season, flags=I, hints=_words("spring summer autumn fall winter")),
    Rule("season-year", "year-part", r"(?:the\s+)?" + _SEASON + _YEAR_OF, h.season, flags=I,
         hints=_words("spring summer autumn fall winter")),
    Rule("season-after-preposition", "year-part", r"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Dd]uring|[Tt]hrough)\s+"
         r"(?P<expr>(?:(?P<mod>early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter))(?!\s+(?:of|\d))(?![-\w])",
         h.season, flags=I, hints=_words("spring summer autumn fall winter")),
    Rule("season", "year-part", r"(?:this\s+past\s+(?P<mod>)|(?P<edge>early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)",
         h.season, scan=False, flags=I),
    Rule("the-season", "year-part", r"the\s+(?P<season>spring|summer|autumn|winter)(?!\s+of\s+[a-z])", h.season,
         flags=I, hints=_words("spring summer autumn winter")),
    Rule("decade", "calendar", r"(?:the\s+)?" + _EDGE + r"(?:(?P<decade>1[5-9]\d0|20\d0)|'(?P<short>\d0))s\b",
         h.decade, flags=I, hints=DIGIT),
    Rule("decade-short", "calendar", r"the\s+(?:(?P<edge>early|mid|late)[-\s]+)?(?P<short>[2-9]0)s\b", h.decade,
         flags=I, hints=DIGIT),
    Rule("decade-word", "calendar", r"the\s+(?:(?P<edge>early|mid|late)[-\s]+)?(?P<word>twenties|thirties|forties|"
         r"fifties|sixties|seventies|eighties|nineties)\b", h.decade_word, flags=I,
         hints=_words("twenties thirties forties fifties sixties seventies eighties nineties")),
    Rule("century", "calendar", r"(?:the\s+)?(?P<n>1?\d|2[01])(?:st|nd|rd|th)[-\s]+century", h.century, flags=I,
         hints=_words("century")),
    Rule("year-modified", "calendar", r"(?P<edge>early|mid|late)[-\s]+" + _YEAR, h.year, flags=I,
         hints=YEAR_DIGITS),
    Rule("year-after-preposition", "calendar",
         _PREP + r"(?P<expr>" + _YEAR + r")(?![\d,.]*\d)(?!\s+(?:people|members|cases|votes|troops)\b)", h.year,
         hints=YEAR_DIGITS),
    Rule("year", "calendar", r"(?:the\s+year\s+)?" + _YEAR, h.year, scan=False),
    Rule("weekdays", "set", r"(?=\w+days\b|\w+day\s+(?:morning|afternoon|evening|night)s\b)" + _WEEKDAY +
         r"s?(?:\s+" + _PART + r"s)?\b", h.set_, flags=I,
         hints=WEEKDAY_WORDS | frozenset(w + "s" for w in WEEKDAY_WORDS)),
    Rule("weekday", "weekday", r"(?:(?P<mod>last|next|this|that|coming|past)\s+)?" + _WEEKDAY + r"(?:\s+" + _PART +
         ")?", h.weekday, flags=I, hints=WEEKDAY_WORDS),
    Rule("day-word", "weekday", r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|"
         r"(?P<word>today|tonight|yesterday|tomorrow|this)\s+" + _PART + r"|today|tonight|yesterday|tomorrow|"
         r"last\s+night", h.day_word, flags=I, hints=_words("today tonight yesterday tomorrow night day morning "
                                                           "afternoon evening")),
    Rule("next-day", "weekday", r"the\s+(?P<dir>next|following|previous|preceding)\s+(?:day|morning|afternoon|"
         r"evening|night)|the\s+day\s+(?P<dir2>after|before)(?!\s+(?:yesterday|tomorrow))", h.next_day, flags=I,
         hints=DAY_PARTS),
    Rule("unit-later", "relative", _NUMBER + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|earlier)"
         r"(?!\s+than\b)", h.unit_later, flags=I, hints=_words("later earlier")),
    Rule("that-year", "relative", r"(?:(?P<dir>that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+prior)"
         r")\s+(?P<unit>year|month)\b", lambda m: h.unit_later(m) if m["dir"].split()[-1].lower() not in
         ("same", "that") else Reading("anaphoric", unit=h.unit(m["unit"])), flags=I, hints=_words("year month")),
    # 'the year before', 'the month after': from the date told last; not 'the year before the election' (whose year
    # the words do not give)
    Rule("the-year-before", "relative", r"the\s+(?P<unit>year|month)\s+(?P<dir>before|after|previous|prior)"
         r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:or|but|when|while|as|in|at|on|for|with|by)\b)", h.unit_later, flags=I,
         hints=_words("before after previous prior")),
    # 'the same month a year ago', 'the same period last year': the point told last, a year before, to its detail
    Rule("same-a-year-ago", "relative", r"the\s+(?:same|corresponding|comparable)\s+(?:month|quarter|period|week|day|"
         r"time)\s+(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|"
         r"of\s+(?:the\s+)?(?:last|previous|prior)\s+year)",
         lambda m: Reading("anaphoric", offset=-1, unit="year", mod="keep"), flags=I,
         hints=_words("same corresponding comparable")),
    Rule("holiday", "holiday", r"(?P<hname>" + h.holiday_pattern() + r")(?:,?\s+" + _YEAR + r")?(?!\s+(?:Island|Parade|"
         r"tree|trees|card|cards|party|parties|sale|sales|season|shopping|shoppers|dinner|weekend|holidays?)\b)",
         h.holiday, hints=_words("Christmas Boxing New Valentine's Valentine’s Patrick's May Fourth July Bastille Canada "
                                 "Australia Halloween Guy Bonfire Veterans Veterans' Remembrance Armistice Thanksgiving "
                                 "Labor Memorial Martin Presidents Presidents' Mother's Father's Election Easter Good Ash")),
    Rule("the-weekend", "weekday", r"the\s+weekend\b", h.weekend, flags=I, hints=_words("weekend")),
    Rule("year-ago-quarter", "told-quarter", r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-ago|year-earlier|prior-year|"
         r"year-before)(?:\s+(?:quarter|period|three\s+months))?", h.quarter_told, flags=I, needs="year-"),
    Rule("year-told-quarter", "told-quarter", r"the\s+" + _YEAR + r"\s+quarter\b", h.quarter_told, flags=I,
         hints=YEAR_DIGITS),
    Rule("the-quarter", "told-quarter", r"(?:the|that)\s+(?:latest\s+|most\s+recent\s+|same\s+|just-ended\s+|"
         r"recent\s+)?quarter\b(?!\s+of\b)|the\s+(?:latest|most\s+recent)\s+period\b", h.quarter_told, flags=I,
         hints=_words("quarter period")),
    # "for the full year", "by year-end", "earlier in the year": the year the story is in (TimeML: the current year)
    Rule("year-in-focus", "year-focus", r"(?:the\s+(?:full\s+|whole\s+|entire\s+|calendar\s+)?year|(?:the\s+)?year[-\s]end|"
         r"(?:the\s+)?year['’]s\s+end|(?:earlier|later)\s+in\s+the\s+year)(?![-\w])(?!\s+(?:ended|ending|to|before|"
         r"after|earlier|later|ago|when|in\s+which|that|of|since|\d))", h.year_in_focus, flags=I, hints=_words("year")),
    Rule("fiscal-in-focus", "year-focus", r"(?:the|its|their)\s+(?:full\s+|current\s+)?fiscal\s+year"
         r"(?!\s+(?:ended|ending|to|that|\d))", h.year_in_focus, flags=I, hints=_words("fiscal")),
    Rule("in-the-period", "year-focus", r"(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|decade)\b",
         h.in_focus, flags=I, hints=_words("day week month decade")),
    Rule("that-day", "weekday", r"(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)", h.anaphoric,
         flags=I, hints=DAY_PARTS),
    Rule("relative-unit", "relative", r"(?:(?:early|late|mid)[-\s]+)?(?P<mod>last|next|this|previous|coming|"
         r"earlier\s+this|later\s+this|the\s+current)\s+(?P<unit>week|weekend|month|quarter|year|decade|century)\b",
         h.relative_unit, flags=I, hints=_words("week weekend month quarter year decade century")),
    Rule("period-of", "relative", r"the\s+(?:beginning|start|end|middle|close|rest|remainder|turn)\s+of\s+"
         r"(?P<mod>the|this|last|next)\s+(?P<unit>week|month|quarter|year|decade|century)\b", h.period_of,
         flags=I, hints=_words("week month quarter year decade century")),
    Rule("ago", "relative", _NUMBER + r"\s+" + _UNIT + r"\s+ago", h.ago, flags=I, hints=_words("ago")),
    Rule("vague-ago", "reference", r"(?P<num>several|a\s+few|few|many|some)\s+" + _UNIT + r"\s+ago", h.ago,
         flags=I, hints=_words("ago")),
    Rule("reference", "reference", r"(?:" + _REFERENCES + r")(?![-\w])(?!\s+as\b)", h.reference, flags=I,
         hints=_words("later ahead come ago now currently present presently nowadays these moment recently lately past previously "
                      "formerly soon future long near short possible")),
    Rule("set-every", "set", r"(?:every|each)\s+(?:(?:other|" + _NUMBER + r")\s+)?(?:" + _WEEKDAY +
         r"(?:\s+" + _PART + ")?|" + _UNIT + "|" + _SEASON + ")", h.set_, flags=I, hints=_words("every each")),
    Rule("set-times", "set", r"(?P<times>once|twice|three\s+times)\s+(?:a|an|per|every)\s+" + _UNIT, h.set_,
         flags=I, hints=_words("once twice times")),
    Rule("set-frequency", "set", r"(?P<freq>hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly)", h.set_,
         scan=False, flags=I),
    Rule("duration-past", "duration", r"(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+" + _NUMBER +
         r"\s+" + _UNIT, h.duration, flags=I, hints=UNIT_WORDS),
    # TimeML in TimeBank, AQUAINT and MEANTIME: "(over) the past year" is the year before, a DATE, like "last year"
    Rule("the-past-period", "past-period", r"the\s+(?:past|last|previous)\s+(?P<unit>year|month|week)\b"
         r"(?!\s+(?:or|and\s+a\s+half)\b)", h.past_period, flags=I, hints=_words("year month week")),
    Rule("the-past-unit", "duration", r"the\s+(?:past|last|next|previous|coming)\s+(?P<unit>decade|century|year|"
         r"month|week|day|hour)\b(?!\s+or\b)", h.a_unit, flags=I, hints=UNIT_WORDS),
    Rule("half-duration", "duration", r"(?:half\s+(?:an?|a)\s+|(?:an?|one)\s+)(?P<unit>hour|day|year|month|week)"
         r"(?:\s+and\s+a\s+half)?", h.half, scan=False, flags=I),
    # not "a 35-year-old", not "a months-long fight", not "a second A380"
    Rule("half-unit", "duration", r"half\s+an?\s+(?P<unit>hour|day|year|month|week|minute)\b"
         r"(?!\s+(?:ago|earlier|later|before|after)\b)", h.half, flags=I, hints=_words("half")),  # not 'an hour' of it
    Rule("duration", "duration", r"(?!an?\s+second\b(?!\s*[,.;)]))(?!(?:1[5-9]|20)\d\d\s+quarter\b)" + _NUMBER +
         r"(?P<half>\s+and\s+a\s+half)?[-\s]+" +
         r"(?:(?:more|additional|extra|further|straight|consecutive|full|whole|long)\s+|"
         r"(?:trading|business|working|school)\s+(?=(?:days|weeks|hours)\b))?" +
         _UNIT + r"(?![-\s]+old\b)(?!-)(?P<half_after>\s+and\s+a\s+half(?![\w-]))?", h.duration, flags=I, hints=UNIT_WORDS),
    Rule("first-plural", "duration", r"the\s+(?:first|last|final|early|initial|opening|closing)\s+(?:(?:few|several)\s+)?"
         + _PLURAL_UNIT + r"(?!\s+(?:ago|later|earlier)\b)", h.vague_duration, flags=I, hints=UNIT_WORDS),
    Rule("vague-adjective", "duration", r"(?:several|multi|many)-(?P<unit>year|month|week|day|decade)\b(?!-)",
         h.vague_duration, flags=I, needs="-"),
    Rule("part-century", "duration", r"(?:a\s+|the\s+)?(?P<part>quarter|half)[-\s](?:a\s+)?century", h.part_century,
         flags=I, hints=_words("century")),
    Rule("vague-duration", "duration", r"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?:the\s+)?(?:several|a\s+few|few|many|"
         r"some|recent|coming|dozens\s+of|hundreds\s+of)\s+" + _PLURAL_UNIT + r"(?!\s+(?:ago|later|earlier)\b)",
         h.vague_duration, flags=I, hints=UNIT_WORDS),
    Rule("vague-plural", "duration", r"(?:(?<=for\s)|(?<=in\s)|(?<=over\s)|(?<=within\s))(?:the\s+)?"
         r"(?P<unit>years|months|weeks|decades|days|hours)(?!\s+(?:of|ago|to|old|before|after|earlier|later)\b)(?![-\w])",
         h.vague_period, flags=I, hints=UNIT_WORDS),
    Rule("long-adjective", "duration", r"(?P<unit>years|months|weeks|decades)-long", h.vague_period, flags=I,
         needs="-long"),
    Rule("unit-long", "duration", r"(?P<unit>year|month|week|day)-long", h.a_unit, flags=I, needs="-long"),
    # TimeML (TimeBank): "for the year ended Sept. 30" is a length of a year, ending on the date told
    Rule("year-ended", "duration", r"the\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+(?:ended|ending)\b)", h.a_unit, flags=I,
         hints=_words("ended ending")),
    Rule("bare-plural", "duration", r"(?:the\s+)?(?P<unit>days|weeks|months|years|decades|hours|centuries)",
         h.vague_period, scan=False, flags=I),
    Rule("clock", "clock", r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)",
         h.clock, flags=I, hints=_words("am pm m")),
    Rule("clock-gmt", "clock", r"(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?:GMT|UTC)\b", h.clock, hints=_words("GMT UTC")),
    Rule("oclock", "clock", r"(?P<hour>1[0-2]|0?[1-9])\s+o'clock(?:\s+(?P<ampm>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?",
         h.clock, flags=I, needs="o'clock"),
    Rule("clock-24h", "clock", r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d)", h.clock, hints=DIGIT, needs=":"),
    Rule("noon", "clock", r"noon|midday|midnight", h.named_time, flags=I, hints=_words("noon midday midnight")),
    Rule("part-of-day", "clock", r"(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?(?P<part>morning|afternoon|evening|night|"
         r"dawn|dusk)", h.part_of_day, scan=False, flags=I),
)
FAMILIES = tuple(dict.fromkeys(rule.family for rule in RULES))


def compile_rules(rules: tuple[Rule, ...]):
    """(anchored patterns for `read`, scanning patterns for `scan`)."""
    anchored = tuple((rule, re.compile(rule.pattern, rule.flags)) for rule in rules if not rule.pair)
    scanners = tuple((rule, re.compile(r"(?<![\w-])(?:" + rule.pattern + r")(?![\w])", rule.flags))
                     for rule in rules if rule.scan)
    return anchored, scanners


ANCHORED, SCANNERS = compile_rules(RULES)
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"1[5-9]\d\d|20\d\d")  # what _YEAR matches, wherever it stands
# Prepositions, and qualifiers TimeML keeps in the extent but which do not change the value ("just days", "nearly 3 weeks")
_LEADING = re.compile(r"^(?:(?:on|in|at(?!\s+least\b)|during|since|by|until|from|about|around|for|over|within)\s+)?"
                      r"(?:(?:just|only|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|"
                      r"at\s+least|up\s+to|as\s+many\s+as|as\s+much\s+as|mere)\s+)?", re.I)
AGE = re.compile(r"\b(?:year|month|week|day)s?[-\s]old\b|\baged?\b", re.I)


def read(text: str, anchored=None) -> tuple[str, Reading] | None:
    """The rule name and reading of a whole expression, or None when no rule reads all of it."""
    text = re.sub(r"\s+", " ", text.strip().strip(",.;:"))
    text = _LEADING.sub("", text)
    if AGE.search(text):
        return None
    for rule, pattern in anchored or ANCHORED:
        m = pattern.fullmatch(text)
        if m:
            return rule.name, rule.read(m)
    return None


RANGE_LENGTHS = True  # switch: a range is also its length (ablation)
_RANGE_WORDS = re.compile(r"^(?:from|between)\s|^\d+\s*[-–]\s*\d+$", re.I)


def _range_length(m: re.Match) -> list[tuple[int, int, str, Reading]]:
    """'from 2009 to 2011', 'between 2014 and 2016', '2014-2016': the range is also a length of time (P2Y).

    TimeML gives a range its two points and a duration from one to the other; "2009 and 2011" is no range.
    """
    a, b = int(m["a"]), int(m["b"])
    if not RANGE_LENGTHS or b <= a or not _RANGE_WORDS.search(m[0]):
        return []
    return [(m.start(), m.end(), "year-range-length", Reading("duration", amount=b - a, unit="year"))]


def scan(text: str, scanners=None) -> list[tuple[int, int, str, Reading]]:
    """Temporal expressions in running text: (start, end, rule, reading), longest first where they overlap."""
    words = set(_WORD.findall(text))
    words |= {w.lower() for w in words}
    if _DIGIT.search(text):
        words.add("#")
        if _YEAR_DIGITS.search(text):
            words.add("#year")
    found = []
    for rule, pattern in scanners or SCANNERS:
        if (rule.hints and rule.hints.isdisjoint(words)) or (rule.needs and rule.needs not in text):
            continue  # cheap: a rule runs only over text holding one of its words
        for m in pattern.finditer(text):
            if rule.pair:  # a range: the whole match decides the overlaps, each end is an expression
                ends = [(m.start(g), m.end(g), rule.name, rule.read(re.match(_YEAR, m[g]))) for g in ("a", "b")]
                found.append((m.start(), m.end(), rule.name, ends + _range_length(m)))
                continue
            start, end = m.span("expr") if "expr" in pattern.groupindex else m.span()
            found.append((start, end, rule.name, rule.read(m)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    out = [e for f in kept for e in (f[3] if isinstance(f[3], list) else [f])]
    return sorted(out, key=lambda f: f[0])
