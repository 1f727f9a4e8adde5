"""When an event happened: step 3 of the events stage (`events.py`).

An event takes, in this order:

1. its **own date**: the date expression the trigger governs within its own
   clause ("died Saturday", "the October 7 attack"), a light verb's date
   going to its named noun ("held a ceremony on Saturday");
2. else the date of the event it is **framed by** ("during the ceremony in
   September 2025, he was promoted");
3. else, for types that allow it, the date **the story** was last told at:
   the last date of an earlier sentence, within `INHERIT_PARAGRAPHS`, that
   dates no interview or statement, lies no later than publication
   (`FUTURE_NOT_STORY`) and is no point compared with (`COMPARED_NOT_STORY`).
   Never when the sentence places the event after or before another
   ("following his death") or has a date of its own, nor for an event told
   in the present tense (`PRESENT_KEEPS_NOW`: "expects more arrests"); a
   report ("said") takes only a recent one (`REPORTS_STAY_RECENT`).

An asserted event whose own date lies after publication is `planned`
(`AHEAD_IS_PLANNED`).

Each switch below turns one rule off for `benchmarks/ablate_dates_events.py`;
they were measured on TimeML's event-time links (`benchmarks/event_dates.py`,
docs/events.md).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..model import TimeExpression
from .event_rules import VERBAL, Vocabulary
from .tense import PAST_AUX, REPORTING
from .timex import period_start

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

INHERIT_PARAGRAPHS = 5  # how many paragraphs back a story's date still carries to events told without one
FUTURE_NOT_STORY = True  # a date after publication ("next year") is not a day the story is told at
COMPARED_NOT_STORY = True  # nor a period results are compared with ("from $3 million a year earlier")
PRESENT_KEEPS_NOW = True  # an event told in the present tense ("expects", "is becoming") inherits no date (TimeBank
# puts 70 % of such events at publication)
REPORTS_STAY_RECENT = True  # a report ('said') inherits only a story date of the last `RECENT_DAYS` days
RECENT_DAYS = 8
AHEAD_IS_PLANNED = True  # an event dated after publication by its own date has not happened: planned

# 'a year earlier', 'a year ago', 'the year-ago quarter', 'prior-year'; not 'two years ago', which a story moves back to
_COMPARED = re.compile(r"\b(?:year|quarter|month)[- ](?:earlier|ago|before)\b|\b(?:year|quarter)-ago\b"
                       r"|\bprior[- ]year\b", re.I)
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "conj",
                         "appos"})
LIGHT_VERB_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})

Found = dict["Token", tuple]  # trigger token -> (Trigger, type name), as `EventExtractor.triggers` gives them


class StoryClock:
    """The dates of one article's events, told sentence by sentence: remembers the date the story is at."""

    def __init__(self, vocab: Vocabulary, published: date | None):
        self.vocab, self.published = vocab, published
        self.story_date: tuple[TimeExpression, int] | None = None  # (date, paragraph) the story was last told at

    def owner(self, span: Span | None, found: Found) -> int | None:
        """The index of the trigger that governs a time expression (its tokens' `span`) within its own clause, if
        any."""
        if span is None:
            return None
        tok = span.root
        while tok.head.i != tok.i:
            if tok.dep_ in CLAUSE_DEPS:
                return tok.i if tok in found else None
            tok = tok.head
            if tok.pos_ in VERBAL and (tok not in found or self.vocab.types[found[tok][1]].generic):
                # a light verb: "held a ceremony on Saturday", "the funeral took place Monday"
                named = [c for c in tok.children if c.dep_ in LIGHT_VERB_DEPS and c in found
                         and not self.vocab.types[found[c][1]].generic]
                if named:
                    return named[0].i
            if tok in found:
                return tok.i
        return None

    def attach(self, event, paragraph: int, times: list[TimeExpression], owners: dict[int, int | None],
               found: Found, blocked: set[Token]) -> None:
        """Give `event` (an `event_drafts.EventDraft`) its own date, its frame's, or the story's (the module
        docstring)."""
        own = [d for d in times if owners[id(d)] == event.trigger.i]
        for d in own:
            if d.type == "duration":
                event.attributes.setdefault("duration", d.value)
                event.attributes.setdefault("duration_text", d.text)
        dated = [d for d in own if is_dated(d)]
        if dated:
            event.date, event.date_kind = min(dated, key=lambda d: abs(d.start - event.evidence.start)), "own"
            return
        for prep in event.trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in self.vocab.frame_preps:
                for frame in (c for c in prep.children if c.dep_ == "pobj" and c in found):
                    framed = [d for d in times if owners[id(d)] == frame.i and is_dated(d)]
                    if framed:
                        event.date, event.date_kind = framed[0], "frame"
                        return
        if event.trigger in blocked or not self.vocab.types[event.type].inherit_date:
            return
        if any(is_dated(d) for d in times):  # the sentence has its own time, just not this event's
            return
        if PRESENT_KEEPS_NOW and present_tense(event.trigger):
            return
        if REPORTS_STAY_RECENT and event.trigger.lemma_.lower() in REPORTING and self.story_date \
                and not self.recent(self.story_date[0]):
            return  # 'the FBI said' after a paragraph on 1950: the report is of now, not of the story's past
        if self.story_date and paragraph - self.story_date[1] <= INHERIT_PARAGRAPHS:
            event.date, event.date_kind = self.story_date[0], "inherited"

    def advance(self, paragraph: int, times: list[TimeExpression], owners: dict[int, int | None],
                found: Found) -> None:
        """The sentence's last date becomes the story's, unless it dates an interview or a statement.

        Only a date whose form we read ("Saturday", "May 2024"), not whatever spaCy calls a DATE ("days"), nor a
        reference ("now", "years ago", "in the future"): it places no story on a calendar.
        """
        for d in reversed(times):
            owner = owners[id(d)]
            kind = next((k for t, (_, k) in found.items() if t.i == owner), None)
            if is_dated(d) and d.granularity not in (None, "reference") \
                    and (kind is None or self.vocab.types[kind].inherit_date) \
                    and not (FUTURE_NOT_STORY and self.after_publication(d)) \
                    and not (COMPARED_NOT_STORY and _COMPARED.search(d.text)):
                self.story_date = (d, paragraph)
                return

    def recent(self, d: TimeExpression) -> bool:
        """A day (or a time on one) at most `RECENT_DAYS` before publication; never when publication is unknown."""
        day = period_start(d.value or "") if len(d.value or "") >= 10 else None
        return self.published is not None and day is not None and 0 <= (self.published - day).days <= RECENT_DAYS

    def after_publication(self, d: TimeExpression) -> bool:
        """'next year', 'in the third quarter' told in June, 'on Friday' told on Thursday: a date whose period begins
        after the day of publication."""
        start = period_start(d.value or "")
        return self.published is not None and start is not None and start > self.published

    def modality(self, modality: str, d: TimeExpression | None, inherited: bool) -> str:
        """An asserted event dated after publication by its own date has not happened: `planned`."""
        if AHEAD_IS_PLANNED and modality == "asserted" and not inherited and d is not None \
                and self.after_publication(d):
            return "planned"  # 'an emergency meeting on Friday' told on Thursday
        return modality


def present_tense(token: Token) -> bool:
    """'expects', 'say', 'is becoming', 'are owed': a verb in the present tense, not a perfect ('has said'); a noun
    takes the tense of the verb it hangs on ('expects more arrests')."""
    steps = 0
    while token.pos_ not in VERBAL and token.head.i != token.i and steps < 3:
        token, steps = token.head, steps + 1
    if token.pos_ not in VERBAL:
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return auxes[0].tag_ in ("VBZ", "VBP") and auxes[0].lower_ not in PAST_AUX
    return token.tag_ in ("VBZ", "VBP")


def is_dated(d: TimeExpression) -> bool:
    """A date, or a time on a known day ("Tuesday morning", "at 6 p.m. on Friday"): it can date an event."""
    return d.type == "date" or (d.type == "time" and bool(d.value) and d.value[:1].isdigit())


def calendar_day(value: str | None) -> str | None:
    """An event's date is a calendar (partial) date: '2025-06-10TMO' -> '2025-06-10'."""
    return value.split("T", 1)[0] if value and "T" in value and value[:1].isdigit() else value


def relative_objects(doc, relative: list[int], found: Found) -> set[Token]:
    """Triggers the sentence places other events after or before ('following his death'): the others, when an
    "after", "following", ... of the sentence (`relative`, its token indices) has one as its object."""
    anchors = {c for i in relative for c in doc[i].children if c.dep_ in ("pobj", "dobj") and c in found}
    return set(found) - anchors if anchors else set()
