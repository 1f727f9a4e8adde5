"""The tense an expression is told in: which side of publication a year-less date or a weekday lies on.

"will meet on Friday" is the next Friday, "met on Friday" the last one, "they meet Monday" the nearer one.
`tense(span)` reads it from the verb the expression hangs on (spaCy's parse of the dates stage).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .timex import WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Span

# Switch (benchmarks/ablate_dates_events.py turns it off to measure what it adds).
OPEN_ENDED_TENSE = True  # "postponed until Tuesday", "payable Sept. 1", "Wednesday's ruling": not the verb's tense
PRESENT_PASSIVE = True  # "the case is heard in May" is no past, as "was heard" is
# The verb an expression hangs on tells which way a year-less date or a weekday lies from publication:
# "will meet on Friday" is the next Friday, "met on Friday" the last one.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "may", "might", "could", "should", "must", "ca",
                        "can", "going"})
FUTURE_FRAMES = frozenset({"set", "schedule", "expect", "plan", "due", "slate", "poise", "prepare", "aim", "intend",
                           "go", "hope", "propose", "promise", "vow", "pledge", "threaten", "agree"})
PAST_AUX = frozenset({"have", "had", "has", "'ve", "'d"})
# A past act that sets a time to come: "postponed until Tuesday", "planned a rally on Saturday" (the nearer side).
SCHEDULING = frozenset({"schedule", "reschedule", "slate", "plan", "postpone", "delay", "defer", "extend", "adjourn"})
UPCOMING = frozenset({"upcoming", "forthcoming", "next"})
REPORTING = frozenset({"say", "tell", "announce", "report", "state", "claim", "confirm", "add", "note", "write"})
VERBAL = frozenset({"VERB", "AUX"})


def governing_verb(span: Span):
    """The verb an expression hangs on ("announced Friday" -> announced), or None."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in VERBAL and not (span.start <= tok.i < span.end):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def tense(span: Span) -> str | None:
    """'future', 'past', 'present' or None (no verb): the time the verb of `span` speaks of.

    Future: a future or modal auxiliary ("will", "may", "should"), a frame such as "is set to", "plans to",
    "expected to", a present progressive ("is unveiling on Tuesday"), or "upcoming"/"next" on the noun.
    Past: a past tense or a perfect ("announced", "has said"), a bare participle ("held on Friday").
    """
    if any(t.lower_ in UPCOMING for t in span.root.head.children if t.dep_ == "amod"):
        return "future"
    verb = governing_verb(span)
    if verb is None or (OPEN_ENDED_TENSE and (span.root.dep_ == "poss" or _on_adjective(span))):
        return None  # "Wednesday's ruling", "payable Sept. 1": the verb's tense is not the date's
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "ccomp", "advcl") and chain[-1].head.pos_ in VERBAL and len(chain) < 4:
        chain.append(chain[-1].head)
    for i, v in enumerate(chain):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in PAST_AUX for a in auxes):
            return "present" if i == 0 and _open_ended(span, v) else "past"
        if any(a.lower_ in FUTURE_AUX for a in auxes) or (i and v.lemma_.lower() in FUTURE_FRAMES):
            return "future"
        if i == 0 and v.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"
        if i == 0 and v.lemma_.lower() in FUTURE_FRAMES and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"  # "closing is expected in December", "the vote is scheduled for May 3"
        if i == 0 and PRESENT_PASSIVE and v.tag_ == "VBN" and auxes and all(a.tag_ in ("VBZ", "VBP") for a in auxes) \
                and span.root.lower_ not in WEEKDAYS:
            return "present"  # "the case is heard in May": scheduled, the nearer side; "two men are arrested on
            # Saturday" tells the news in the present, and a weekday so told stays a past one
        if i == 0 and (v.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes)):
            return "present" if _open_ended(span, v) else "past"  # "present": the nearer side
        if v.dep_ in ("xcomp",) and v.head.lemma_.lower() in FUTURE_FRAMES and not _past_perfect(v.head):
            return "future"  # "is scheduled to expire Friday"; "had been scheduled (due) to expire" is told as past
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in REPORTING and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "present"  # "they meet Monday": scheduled, or a headline's present
    return None


def _past_perfect(frame) -> bool:
    """'had been scheduled', 'had been due' (the adjective's 'had' sits on its 'been'): a frame told as past."""
    holders = [frame, frame.head] if frame.dep_ == "acomp" else [frame]
    return any(a.lower_ in ("had", "'d") for h in holders for a in h.children if a.dep_ in ("aux", "auxpass"))


def _on_adjective(span: Span) -> bool:
    """'effective Feb. 1', 'due by May 3': the date hangs on an adjective, which says nothing of the verb's time."""
    head = span.root.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.pos_ == "ADJ" and not (span.start <= head.i < span.end)


def _open_ended(span: Span, verb) -> bool:
    """'postponed until Tuesday', 'has scheduled a news conference Thursday': a past act that sets a later time."""
    head = span.root.head
    return OPEN_ENDED_TENSE and ((head.pos_ == "ADP" and head.lower_ in ("until", "till"))
                                 or verb.lemma_.lower() in SCHEDULING)
