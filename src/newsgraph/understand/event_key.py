"""The event key: what tells the knowledge base that two articles speak of the same event.

An event's key is its type, its main participants' names, its own date and its place, each normalised
(`EventKey`). Two keys name the same event (`same_event`) when:

1. the types are equal;
2. they share at least one main participant (by normalised name), or both have none;
3. their dates are compatible: one value is a prefix of the other ("2025-09" and "2025-09-14"), or either
   is unknown (an inherited date never counts: it is the story's, not the event's);
4. their places are compatible: equal, or either unknown.

`EventKey.text` writes the key as one string, `type|a+b|date|place` with `?` for what is unknown, for
display and for grouping exact matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import EventKey

_NOT_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "the", "sir", "prof"})


@lru_cache(maxsize=4096)
def normalise_name(name: str | None) -> str | None:
    """'Mr. Itamar Alus' -> 'itamar alus'; accents kept, case and punctuation dropped."""
    if not name:
        return None
    text = unicodedata.normalize("NFKC", name).lower().replace("’", "'").removesuffix("'s")
    words = [w for w in _SPACES.split(_NOT_WORD.sub(" ", text)) if w and w not in _TITLE_WORDS]
    return " ".join(words) or None


def event_key(kind: str, participants: list[str], date: str | None, place: str | None) -> EventKey:
    """The key of one event, from its type, main participants' names, own date value and place name."""
    who = sorted({n for p in participants if (n := normalise_name(p))})
    where = normalise_name(place)
    text = "|".join((kind, "+".join(who) or "?", date or "?", where or "?"))
    return EventKey(type=kind, participants=who, date=date, place=where, text=text)


def same_event(a: EventKey, b: EventKey) -> bool:
    """Whether two keys can name one event (the four rules of the module docstring)."""
    if a.type != b.type:
        return False
    if (a.participants or b.participants) and not set(a.participants) & set(b.participants):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    return not (a.place and b.place and a.place != b.place)
