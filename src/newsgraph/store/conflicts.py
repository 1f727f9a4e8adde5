"""Conflicts: where sources disagree about one fact, and why both claims are about that fact.

1. Gather the claims of the stored originals (near-duplicates have no
   facts of their own, and their claims would only repeat the original's).
2. Group them by subject and property. A subject is the stored entity
   the claim is about (so "Butzhak" in one article and "Butzchak" in
   another are one subject once linked), else the event the claim counts
   in: the counted thing, the action and its place ("attackers enter
   Ofakim"). A count without a place names no one event by itself: it
   compares only between claims tied to one event whose key names
   participants and a day on both sides ("Hamas killed 1,200 people" on
   October 7). People hold several titles at once, so titles group by
   office, the title's head ("Mayor" with "Deputy Mayor"), and a "former"
   or "acting" title is of another time (`data/claims.json` `properties`).
3. Keep to one time: ranks and titles compare between articles published within
   `same_time_days`, ages through the birth years they imply (so only
   between dated articles), anything
   about one event (counts, durations, an event's date and place) between
   articles published within `same_event_days`, except the date and place
   of an event a person has once (a death). A fact about one event also
   compares only claims about the same event (`by_event`): each claim is
   tied to the event it counts in or dates (`Claim.event`, stored in
   `claims.event_id`), and two events are one when their keys' type,
   participants, date and place agree (`event_key.same_event`; an
   `x_date` claim's own date and an `x_place` claim's own place are what
   is disputed, so they are left out). A claim tied to no event is not
   compared.
4. Decide (`disagree`): two articles disagree when no value of one is
   compatible with any value of the other (`claim_values.compatible`: 15
   and 20 disagree, "at least 20" and 25 agree, September 2025 and
   18 September 2025 agree; two places agree when one can lie inside the
   other, `place_areas.inside`: "Bronx" and "New York City", "Houston" and
   "Texas").
5. Say why both sides are about the same fact (`why`): the entity they
   share, with the linker's reasons for putting each article's mention in
   it, and for a fact about one event the event (its type, participants,
   place and date, with each article's sentence); and mark the conflicts
   people dismissed or confirmed (`status`, `note`).

Each conflict is a dict: `id` (stable while its claims are the same),
`subject`, `subject_id`, `key`, `property`, `values`, `claims` (each with
its value, article, source, site, url, headline, publication date,
evidence sentence and event key), `why`, `shared` (the entity, or the
event), `event` (the shared event, beside a shared entity) and `status`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date

from ..model import EventKey
from ..understand.claim_values import ClaimVocabulary, claim_vocabulary, compatible, is_date, value_range
from ..understand.event_key import same_event
from ..understand.events import named_type
from ..understand.titles import parse_title, titles_agree
from .org_names import org_keys
from .place_areas import inside
from .sql import name_key

CLAIMS_SQL = """SELECT c.article_id, c.claim_id, c.subject, c.subject_id, c.property, c.value, c.normalized, c.text,
                       c.start_offset, c.end_offset, a.source, a.site, a.url, a.headline, a.published,
                       e.name AS entity_name, e.type AS entity_type, v.key AS event_key, v.evidence AS event_evidence
                FROM claims c JOIN articles a ON a.id = c.article_id
                LEFT JOIN entities e ON e.id = c.subject_id
                LEFT JOIN events v ON v.article_id = c.article_id AND v.event_id = c.event_id
                WHERE a.duplicate_of IS NULL
                ORDER BY c.subject_id, c.subject, c.property, a.published, a.id, c.start_offset"""


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _birth_years(age: str, day: date, tolerance: float) -> tuple[float, float] | None:
    """The range of birth years an age claim implies at a date."""
    span = value_range(age, tolerance)
    return None if span is None else (day.year - span[1] - 1, day.year - span[0])


def agree(a: dict, b: dict, kind: str | None, tolerance: float, vocab: ClaimVocabulary | None = None) -> bool:
    """Whether two claims (rows with `value`, `normalized` and `published`) can both be true."""
    if str(a.get("property", "")).endswith("_place") and (_place_keys(a["value"]) & _place_keys(b["value"])
                                                          or inside(a["value"], b["value"])):
        return True  # 'US' and 'United States': one place; 'Bronx' and 'New York City': one inside the other
    if kind == "age":
        if a["normalized"] == b["normalized"]:
            return True  # one age restated years on is the age at the event ('Ortiz, 35, was killed in 2005')
        da, db = _day(a["published"]), _day(b["published"])
        ra = _birth_years(a["normalized"], da, tolerance) if da else None
        rb = _birth_years(b["normalized"], db, tolerance) if db else None
        if ra and rb:
            return ra[0] <= rb[1] and rb[0] <= ra[1]
    if vocab is not None and _relative(a, vocab) or vocab is not None and _relative(b, vocab):
        da, db = _day(_full_date(a["normalized"])), _day(_full_date(b["normalized"]))
        if da and db and abs((da - db).days) <= vocab.relative_date_days:
            return True  # 'Saturday' in an article may be the Saturday of a statement it quotes
    if kind == "over_time":  # ranks: 'Police Commissioner' is 'Commissioner', 'Sgt.' is 'Sergeant'
        return titles_agree(a["value"], b["value"]) or compatible(a["normalized"], b["normalized"], tolerance)
    return compatible(a["normalized"], b["normalized"], tolerance)


def _place_keys(name: str) -> set[str]:
    return set(org_keys(name, "place"))


def _relative(claim: dict, vocab: ClaimVocabulary) -> bool:
    return " ".join(str(claim.get("value", "")).lower().split()) in vocab.relative_dates


def time_rule(prop: str, vocab: ClaimVocabulary) -> str | None:
    """How a property keeps to one time: 'age', 'over_time', 'event' (one event), None (any time), 'never'."""
    rule = vocab.properties.get(prop, {})
    if rule.get("compare") is False:
        return "never"
    if rule.get("compare") == "specific_event":
        return "event"
    if "changes" in rule:
        return rule["changes"]
    event_type = prop.split("_")[0] if prop.endswith(("_date", "_place")) or "_date " in prop or "_place " in prop \
        else None
    return None if event_type in vocab.once_events else "event"


def comparable(x: list[dict], y: list[dict], kind: str | None, vocab: ClaimVocabulary) -> bool:
    """Whether two articles speak of the same time (see `time_rule`); an event's dates are the event's own time."""
    if kind is None:
        return True
    if kind == "age":  # an age is of a time: without both dates no birth years to compare ('92' in 2006, '95' now)
        return all(_day(side[0]["published"]) for side in (x, y))
    days = vocab.same_time_days if kind == "over_time" else vocab.same_event_days
    if kind == "event" and str(x[0].get("property", "")).endswith("_date"):  # (a count of 1200 is no year)
        dates = [[_day(_full_date(c["normalized"])) for c in side] for side in (x, y)]
        if all(d is not None for side in dates for d in side):
            return any(abs((a - b).days) <= days for a in dates[0] for b in dates[1])
    dx, dy = _day(x[0]["published"]), _day(y[0]["published"])
    return dx is not None and dy is not None and abs((dx - dy).days) <= days


def _full_date(value: str) -> str:
    """A date claim at its first day ('2025-09' -> '2025-09-01'); other values as they are."""
    if is_date(value):
        return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]
    return value


def parse_event_key(text: str | None) -> EventKey | None:
    """An event key from its stored text (`type|a+b|date|place`, '?' unknown); None for none."""
    parts = (text or "").split("|")
    if len(parts) != 4:
        return None
    kind, who, day, where = (None if part == "?" else part for part in parts)
    return EventKey.model_construct(type=kind or "", participants=who.split("+") if who else [], date=day,
                                    place=where, text=text)


def same_claimed_event(a: dict, b: dict, vocab: ClaimVocabulary) -> bool:
    """Whether two claims are about one event: their events' keys agree as `event_key.same_event` says, where
    a supersense type ('change', from 'broke into') agrees with any type, participants unknown on one side
    agree (as an unknown date or place does), and so do those of two claims about one stored entity (its
    names may differ), and two days `event_date_days` apart agree. The date of an `x_date` claim and the place of an `x_place` claim are what is claimed, so they
    are left out, and a property that names its event's type ('attack_date', 'hostage_duration') says the
    type. A claim tied to no event is about none."""
    ka, kb = parse_event_key(a.get("event_key")), parse_event_key(b.get("event_key"))
    if ka is None or kb is None:
        return False
    prop = str(a.get("property", ""))
    if vocab.properties.get(prop, {}).get("compare") == "specific_event" and not (_specific(ka) and _specific(kb)):
        return False  # 'kill people' tied to 'death|?|?|?' could be any death
    drop: dict = {"date": None} if prop.endswith("_date") else {"place": None} if prop.endswith("_place") else {}
    if prop.endswith(("_date", "_place", "_duration")):
        drop["type"] = prop.rsplit("_", 1)[0]  # the property names the event's type ('hostage_duration')
    elif not named_type(ka.type) or not named_type(kb.type):
        drop["type"] = ka.type if named_type(ka.type) else kb.type
    if not ka.participants or not kb.participants or a.get("subject_id") is not None and \
            a.get("subject_id") == b.get("subject_id"):
        drop["participants"] = []  # unknown on one side (as a date or place may be), or the one stored entity
        # both claims are about ('Trump' and 'Donald Trump' linked as one person)
    da, db = _day(ka.date), _day(kb.date)
    if da and db and abs((da - db).days) <= vocab.event_date_days:
        drop["date"] = None
    return same_event(ka.model_copy(update=drop), kb.model_copy(update=drop))


def _specific(key: EventKey) -> bool:
    """A key that names one event by itself: a named type, participants and a day."""
    return named_type(key.type) and bool(key.participants) and _day(key.date) is not None


def disagree(by_article: dict[str, list[dict]], kind: str | None, vocab: ClaimVocabulary) -> bool:
    """Whether some two articles' claims for one subject and property have no value in common (for a fact
    about one event, among the claims about the same event)."""
    articles = sorted(by_article)
    for i, x in enumerate(articles):
        for y in articles[i + 1:]:
            if not comparable(by_article[x], by_article[y], kind, vocab):
                continue
            pairs = [(a, b) for a in by_article[x] for b in by_article[y]
                     if kind != "event" or same_claimed_event(a, b, vocab)]
            if pairs and not any(agree(a, b, kind, vocab.approximate_tolerance, vocab) for a, b in pairs):
                return True
    return False


def title_office(written: str) -> str | None:
    """The office a title is of, its head word ('deputy mayor' -> 'mayor', 'minister of finance' ->
    'minister'); None for a title of another time ('former Mayor', 'Mayor-elect') or no title."""
    title = parse_title(written)
    if title is None or title.qualifiers:
        return None
    words = title.canonical.split(" of ")[0].split()
    return words[-1] if words else None


def _claim(row: dict) -> dict:
    return {"value": row["value"], "normalized": row["normalized"], "article_id": row["article_id"],
            "claim_id": row["claim_id"], "source": row["source"], "site": row["site"], "url": row["url"],
            "headline": row["headline"], "published": row["published"], "text": row["text"],
            "start": row["start_offset"], "end": row["end_offset"], "event": row["event_key"]}


def conflict_id(prop: str, claims: list[dict]) -> str:
    """A short id that stays the same while the conflict holds the same claims."""
    anchors = sorted(f"{c['article_id']}/{c['claim_id']}" for c in claims)
    return hashlib.sha1("|".join([prop, *anchors]).encode()).hexdigest()[:12]


def find_conflicts(db, vocab: ClaimVocabulary | None = None, include_dismissed: bool = False) -> list[dict]:
    """Every fact the stored articles disagree on (steps 1-5), with each article's claims and why."""
    vocab = vocab or claim_vocabulary()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in db.query(CLAIMS_SQL):
        subject = row["subject_id"] if row["subject_id"] is not None else name_key(row["subject"])
        office = None
        if vocab.properties.get(row["property"], {}).get("by_office"):
            office = title_office(row["value"])
            if office is None or row["subject_id"] is None:
                continue  # a former or future title, or no person it is about
        groups[(subject, row["property"], office)].append(row)
    marks = _marks(db)
    conflicts = []
    for (subject, prop, office), grouped in groups.items():
        kind = time_rule(prop, vocab)
        for rows in by_event(grouped, vocab) if kind == "event" else [grouped]:
            by_article: dict[str, list[dict]] = defaultdict(list)
            for row in rows:
                by_article[row["article_id"]].append(row)
            if kind == "never" or len(by_article) < 2 or not disagree(by_article, kind, vocab):
                continue
            claims = [_claim(r) for r in rows]
            conflict = {"id": conflict_id(prop, claims), "subject": rows[0]["entity_name"] or
                        " ".join(rows[0]["subject"].split()), "subject_id": rows[0]["subject_id"], "key": subject,
                        "property": prop, "values": sorted({r["normalized"] for r in rows}), "claims": claims}
            conflict.update(_why(db, conflict, rows, kind, vocab))
            conflict.update(_status(conflict, marks))
            if include_dismissed or conflict["status"] != "dismissed":
                conflicts.append(conflict)
    return sorted(conflicts, key=lambda c: (c["subject"].lower(), c["property"]))


def by_event(rows: list[dict], vocab: ClaimVocabulary) -> list[list[dict]]:
    """Claims about one event together (linked by `same_claimed_event`, in their order); a claim tied to no
    event is about none and is left out."""
    rows = [r for r in rows if r["event_key"]]
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if same_claimed_event(rows[i], rows[j], vocab):
                parent[root(j)] = root(i)
    parts: dict[int, list[dict]] = defaultdict(list)
    for i, row in enumerate(rows):
        parts[root(i)].append(row)
    return list(parts.values())


def describe_event(rows: list[dict]) -> str:
    """The event claims are about, in words: 'death in galway on 2025-04-07', 'attack by harrow front'."""
    keys = [k for k in (parse_event_key(r["event_key"]) for r in rows) if k]
    if not keys:
        return "an event"
    who = sorted({p for k in keys for p in k.participants})
    places, dates = sorted({k.place for k in keys if k.place}), sorted({k.date for k in keys if k.date})
    text = keys[0].type + (f" involving {' and '.join(who)}" if who else "")
    text += f" in {' / '.join(places)}" if places else ""
    return text + (f" on {' / '.join(dates)}" if dates else "")


def _why(db, conflict: dict, claimed: list[dict], kind: str | None, vocab: ClaimVocabulary) -> dict:
    """Why both sides are about one fact: the shared entity and how each article's mention joined it, and
    for a fact about one event, the event (its key's type, participants, date and place, and each article's
    sentence telling it)."""
    row = claimed[0]
    articles = sorted({c["article_id"] for c in conflict["claims"]})
    scope = {"over_time": f"articles published within {vocab.same_time_days} days of each other",
             "event": f"articles published within {vocab.same_event_days} days of each other",
             "age": "ages compared through the birth years they imply", None: "a fact a person has once"}[kind]
    event = None
    if kind == "event":
        event = {"kind": "event", "name": describe_event(claimed), "keys": sorted({r["event_key"] for r in claimed}),
                 "evidence": [{"article_id": r["article_id"], "key": r["event_key"], "evidence": r["event_evidence"]}
                              for r in claimed]}
    if conflict["subject_id"] is None:
        why = (f"same event: {event['name'] if event else conflict['subject']} (the event keys' type, participants, "
               f"date and place agree), '{conflict['subject']}' in {scope}")
        return {"why": why, "shared": event or {"kind": "event", "name": conflict["subject"], "evidence": []}}
    rows = db.query(f"""SELECT g.article_id, g.decision, g.reasons, m.name FROM merges g JOIN mentions m
                        ON m.article_id = g.article_id AND m.local_id = g.local_id
                        WHERE g.entity_id = ? AND g.article_id IN ({', '.join('?' * len(articles))})
                        ORDER BY g.article_id""", (conflict["subject_id"], *articles))
    evidence = [{"article_id": r["article_id"], "name": r["name"], "decision": r["decision"],
                 "reasons": json.loads(r["reasons"])} for r in rows]
    kind_name = row["entity_type"] or "entity"
    names = sorted({e["name"] for e in evidence})
    about = f", about the same event: {event['name']}" if event else ""
    why = (f"same {kind_name}: {conflict['subject']} (entity {conflict['subject_id']}), named "
           f"{', '.join(repr(n) for n in names)} in the {len(articles)} articles and linked by the knowledge base; "
           f"same property '{conflict['property']}'{about}, {scope}")
    shared = {"kind": kind_name, "id": conflict["subject_id"], "name": conflict["subject"], "evidence": evidence}
    return {"why": why, "shared": shared, **({"event": event} if event else {})}


def _marks(db) -> list[dict]:
    if not db.query("SELECT 1 FROM corrections WHERE kind IN ('dismiss', 'confirm') LIMIT 1"):
        return []
    from .corrections import conflict_marks

    return conflict_marks(db)


def _status(conflict: dict, marks: list[dict]) -> dict:
    """open; dismissed when a dismissal covers every claim of it; confirmed when a confirmation covers one of them.
    A claim added later reopens a dismissed conflict."""
    anchors = {(c["article_id"], c["claim_id"]) for c in conflict["claims"]}
    status, note = "open", None
    for mark in marks:
        theirs = {tuple(a) for a in mark["anchors"]}
        if mark["kind"] == "dismiss" and anchors <= theirs:
            status, note = "dismissed", mark["note"]
        elif mark["kind"] == "confirm" and anchors & theirs:
            status, note = "confirmed", mark["note"]
    return {"status": status, "note": note}
