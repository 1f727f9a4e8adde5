"""Conflicts: where sources disagree about one subject's property.

1. Gather the claims of the stored originals (near-duplicates have no
   facts of their own, and their claims would only repeat the original's).
2. Group them by subject and property. A subject is the stored entity
   when the claim is about one (so "Butzhak" in one article and
   "Butzchak" in another are one subject once linked), else its text
   as a name key ("attackers enter Ofakim").
3. Decide per group (`disagree`): two articles disagree when no value of
   one is compatible with any value of the other (`claim_values.compatible`:
   15 and 20 disagree, September 2025 and 18 September 2025 agree). An
   article may hold several values (a rank then and a rank now); it
   conflicts only when its values and another's have nothing in common.
   Properties that change over time are compared as `data/claims.json`
   says: ages through the birth years they imply at each article's date,
   ranks and titles only between articles published within
   `same_time_days` of each other.
4. Each conflict is a dict: `subject` (the entity's name, or the subject
   text), `subject_id` (the entity, or None), `key` (what the claims were
   grouped by: the entity id or the subject's name key), `property`,
   `values` (the distinct normalized values) and `claims`, every claim of
   the group with its value, article, source, site, url, headline,
   publication date and evidence sentence.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..understand.claim_values import ClaimVocabulary, claim_vocabulary, compatible, value_range
from .sql import name_key

CLAIMS_SQL = """SELECT c.article_id, c.claim_id, c.subject, c.subject_id, c.property, c.value, c.normalized, c.text,
                       c.start_offset, c.end_offset, a.source, a.site, a.url, a.headline, a.published,
                       e.name AS entity_name
                FROM claims c JOIN articles a ON a.id = c.article_id
                LEFT JOIN entities e ON e.id = c.subject_id
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


def agree(a: dict, b: dict, kind: str | None, tolerance: float) -> bool:
    """Whether two claims (rows with `normalized` and `published`) can both be true."""
    if kind == "age":
        da, db = _day(a["published"]), _day(b["published"])
        ra = _birth_years(a["normalized"], da, tolerance) if da else None
        rb = _birth_years(b["normalized"], db, tolerance) if db else None
        if ra and rb:
            return ra[0] <= rb[1] and rb[0] <= ra[1]
    return compatible(a["normalized"], b["normalized"], tolerance)


def comparable(x: list[dict], y: list[dict], kind: str | None, vocab: ClaimVocabulary) -> bool:
    """Whether two articles speak of the same time for a property that changes over time."""
    if kind != "over_time":
        return True
    dx, dy = _day(x[0]["published"]), _day(y[0]["published"])
    return dx is not None and dy is not None and abs((dx - dy).days) <= vocab.same_time_days


def disagree(by_article: dict[str, list[dict]], kind: str | None, vocab: ClaimVocabulary) -> bool:
    """Whether some two articles' claims for one subject and property have no value in common."""
    articles = sorted(by_article)
    for i, x in enumerate(articles):
        for y in articles[i + 1:]:
            if not comparable(by_article[x], by_article[y], kind, vocab):
                continue
            if not any(agree(a, b, kind, vocab.approximate_tolerance) for a in by_article[x] for b in by_article[y]):
                return True
    return False


def _claim(row: dict) -> dict:
    return {"value": row["value"], "normalized": row["normalized"], "article_id": row["article_id"],
            "claim_id": row["claim_id"], "source": row["source"], "site": row["site"], "url": row["url"],
            "headline": row["headline"], "published": row["published"], "text": row["text"],
            "start": row["start_offset"], "end": row["end_offset"]}


def find_conflicts(db, vocab: ClaimVocabulary | None = None) -> list[dict]:
    """Every (subject, property) the stored articles disagree on, with each article's claims."""
    vocab = vocab or claim_vocabulary()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in db.query(CLAIMS_SQL):
        subject = row["subject_id"] if row["subject_id"] is not None else name_key(row["subject"])
        groups[(subject, row["property"])].append(row)
    conflicts = []
    for (subject, prop), rows in groups.items():
        by_article: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            by_article[row["article_id"]].append(row)
        if len(by_article) < 2:
            continue
        kind = vocab.properties.get(prop, {}).get("changes")
        if disagree(by_article, kind, vocab):
            conflicts.append({"subject": rows[0]["entity_name"] or rows[0]["subject"],
                              "subject_id": rows[0]["subject_id"], "key": subject, "property": prop,
                              "values": sorted({r["normalized"] for r in rows}), "claims": [_claim(r) for r in rows]})
    return sorted(conflicts, key=lambda c: (c["subject"].lower(), c["property"]))
