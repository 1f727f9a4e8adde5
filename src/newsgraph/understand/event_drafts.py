"""An event as the events stage assembles it, and how two tellings of one event in an article merge.

`EventDraft` holds what the stage has read of an event so far: its trigger, its participants by role, its
attributes, date and place. Step 5 of `events` (the merge) asks two questions of drafts:

- `same_event`: whether two drafts tell one event: a participant in common (a core one when both have one), no
  attribute that contradicts, and own or framed dates that agree (one a prefix of the other);
- `absorb`: what the earlier draft takes from the later one: participants and attributes it lacks, `asserted`
  when either is, the better-dated telling's date and evidence (`DATE_RANK`), the place when it has none.

These compare drafts within one article; `event_key.same_event` compares finished events across articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import Span, TimeExpression

# How good a date is, for choosing between two tellings of one event.
DATE_RANK = {("own", True): 4, ("frame", True): 4, ("own", False): 3, ("frame", False): 3,
             ("inherited", True): 2, ("inherited", False): 1}


@dataclass
class EventDraft:
    """An event being assembled."""

    type: str
    trigger: Token
    sentence: int
    paragraph: int
    evidence: Span
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, entity id or name)
    attributes: dict[str, str | bool | None] = field(default_factory=dict)
    date: TimeExpression | None = None
    date_kind: str | None = None  # own, frame, inherited
    place: str | None = None
    definite: bool = False  # a noun with the/his/...: may name an event told before
    modality: str = "asserted"

    def participants(self, core: frozenset[str] | None = None) -> set[str]:
        return {who for role, who in self.roles if core is None or role in core}

    def date_rank(self) -> int:
        if self.date is None:
            return 0
        return DATE_RANK.get((self.date_kind, self.date.value is not None), 0)


def same_event(a: EventDraft, b: EventDraft, core: frozenset[str]) -> bool:
    """Two tellings of one event: a participant in common (a core one when both have one), nothing contradicting."""
    ca, cb = a.participants(core), b.participants(core)
    if not ((ca & cb) if ca and cb else (a.participants() & b.participants())):
        return False
    for key in a.attributes.keys() & b.attributes.keys():
        if key != "duration_text" and a.attributes[key] != b.attributes[key]:
            return False
    da, db = a.date, b.date
    if a.date_kind in ("own", "frame") and b.date_kind in ("own", "frame") and da.value and db.value:
        return da.value.startswith(db.value) or db.value.startswith(da.value)
    return True


def absorb(into: EventDraft, other: EventDraft) -> None:
    """Merge `other`, a later telling of the same event, into `into` (what it takes: the module docstring)."""
    if into.modality != "asserted" and other.modality == "asserted":
        into.modality = "asserted"  # told once as a fact: it happened
    for role, who in other.roles:
        if who not in into.participants():
            into.roles.append((role, who))
    for key, value in other.attributes.items():
        into.attributes.setdefault(key, value)
    if other.date_rank() > into.date_rank():  # the telling that dates it is the better evidence
        into.date, into.date_kind, into.evidence = other.date, other.date_kind, other.evidence
    into.place = into.place or other.place
