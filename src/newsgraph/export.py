"""Exports of the knowledge base: every table as CSV, JSON Lines or Parquet, and schema.org JSON-LD.

Each table is a list of flat rows with a fixed set of columns (`COLUMNS`),
the same in every format: `table_rows(store, "quotes")`. Offsets (`start`,
`end`, `evidence_start`, ...) are Python string indices into the `text` of
the article's record. Lists are lists in JSON Lines and Parquet, and
joined with "; " in CSV; an event's attributes are a JSON object (text in
CSV and Parquet). Near-duplicates are articles too, with `duplicate_of`
set; they have no facts of their own.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .store import Store
from .store.queries import _names, _union

COLUMNS: dict[str, list[str]] = {
    "articles": ["id", "url", "canonical_url", "source", "site", "headline", "subheadline", "published", "fetched", "authors",
                 "language", "duplicate_of", "similarity", "paragraphs", "body"],
    "people": ["id", "name", "aliases", "titles", "roles", "affiliations", "articles", "mentions", "quotes",
               "first_seen", "last_seen"],
    "mentions": ["article_id", "entity_id", "local_id", "type", "name", "text", "start", "end", "published"],
    "quotes": ["article_id", "quote_id", "kind", "mode", "speaker", "speaker_id", "speaker_as_written", "text", "start",
               "end", "cue", "parent", "published", "headline", "site", "url"],
    "events": ["article_id", "event_id", "type", "date_text", "date_value", "place", "participants",
               "participant_ids", "attributes", "evidence", "evidence_start", "evidence_end", "published", "headline",
               "url"],
    "claims": ["article_id", "claim_id", "subject", "subject_id", "property", "value", "normalized", "text", "start",
               "end", "published", "headline", "site", "url"],
    "conflicts": ["conflict_id", "subject", "subject_id", "property", "value", "normalized", "article_id", "claim_id",
                  "text", "start", "end", "published", "headline", "site", "url"],
}
"""Every table an export writes, with its columns in order."""
TABLES = tuple(COLUMNS)
FORMATS = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}
ENTITY_PATHS = {"person": "people", "organization": "organizations", "place": "places"}
"""Where `newsgraph serve` shows an entity of each type (/people/ID, ...), and so its JSON-LD @id."""


def table_rows(store: Store, table: str) -> list[dict]:
    """The rows of one exported table (see `COLUMNS`)."""
    if table not in COLUMNS:
        raise ValueError(f"no table {table!r}: choose from {', '.join(TABLES)}")
    return _READERS[table](store)


def _articles(store: Store) -> list[dict]:
    rows = store.db.query("SELECT id, url, source, site, headline, subheadline, published, fetched, authors, language, "
                          "duplicate_of, similarity, body, record FROM articles ORDER BY published, id")
    for row in rows:
        row["authors"] = json.loads(row["authors"])
        row["canonical_url"] = json.loads(row.pop("record")).get("canonical_url")  # a WARC page's own link
        row["paragraphs"] = len(row["body"].split("\n\n")) if row["body"] else 0
    return rows


def _people(store: Store) -> list[dict]:
    db = store.db
    rows = db.query("SELECT * FROM people_with_counts ORDER BY articles DESC, mentions DESC, id")
    facts: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for m in db.query("SELECT entity_id, titles, roles, affiliations FROM mentions WHERE type = 'person' "
                      "ORDER BY entity_id, published, article_id"):
        for key in ("titles", "roles", "affiliations"):
            facts[m["entity_id"]][key].append(m[key])
    names = _names(db, [r["id"] for r in rows])
    for row in rows:
        row["aliases"] = [n for n in names.get(row["id"], []) if n != row["name"]]
        for key in ("titles", "roles", "affiliations"):
            row[key] = _union(facts[row["id"]][key])
    return rows


def _records(store: Store) -> Iterator[dict]:
    """The records of the originals (near-duplicates have no facts), parsed as plain JSON."""
    for row in store.db.query("SELECT record FROM articles WHERE duplicate_of IS NULL ORDER BY published, id"):
        yield json.loads(row["record"])


def _local_ids(store: Store) -> dict[tuple[str, str], int]:
    return {(r["article_id"], r["local_id"]): r["entity_id"]
            for r in store.db.query("SELECT article_id, local_id, entity_id FROM mentions")}


def _mentions(store: Store) -> list[dict]:
    ids, rows = _local_ids(store), []
    for record in _records(store):
        for entity in record["entities"]:
            for span in entity["mentions"]:
                rows.append({"article_id": record["id"], "entity_id": ids.get((record["id"], entity["id"])),
                             "local_id": entity["id"], "type": entity["type"], "name": entity["name"],
                             "text": span["text"], "start": span["start"], "end": span["end"],
                             "published": record["published"]})
    return rows


def _quotes(store: Store) -> list[dict]:
    return store.db.query(
        "SELECT article_id, quote_id, kind, mode, speaker, speaker_id, speaker_as_written, text, "
        "start_offset AS start, end_offset AS \"end\", cue, parent, published, headline, site, url "
        "FROM quotes_with_speakers ORDER BY published, article_id, start_offset")


def _events(store: Store) -> list[dict]:
    ids, rows = _local_ids(store), []
    names = {r["id"]: r["name"] for r in store.db.query("SELECT id, name FROM entities")}
    for record in _records(store):
        for event in record["events"]:
            entity_ids = [ids.get((record["id"], p)) for p in event["participants"]]
            evidence, date = event.get("evidence") or {}, event.get("date") or {}
            rows.append({"article_id": record["id"], "event_id": event["id"], "type": event["type"],
                         "date_text": date.get("text"), "date_value": date.get("value"), "place": event.get("place"),
                         "participants": [names[i] for i in entity_ids if i in names],
                         "participant_ids": [i for i in entity_ids if i is not None],
                         "attributes": event.get("attributes") or {}, "evidence": evidence.get("text"),
                         "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
                         "published": record["published"], "headline": record["headline"], "url": record["url"]})
    return sorted(rows, key=lambda r: (r["date_value"] is None, r["date_value"] or "", r["article_id"]))


def _claims(store: Store) -> list[dict]:
    return store.db.query(
        "SELECT c.article_id, c.claim_id, c.subject, c.subject_id, c.property, c.value, c.normalized, c.text, "
        "c.start_offset AS start, c.end_offset AS \"end\", a.published, a.headline, a.site, a.url FROM claims c "
        "JOIN articles a ON a.id = c.article_id ORDER BY a.published, c.article_id, c.start_offset")


def _conflicts(store: Store) -> list[dict]:
    return store.db.query(
        "SELECT c.id AS conflict_id, c.subject, c.subject_id, c.property, x.value, x.normalized, x.article_id, "
        "x.claim_id, x.text, x.start_offset AS start, x.end_offset AS \"end\", a.published, a.headline, a.site, "
        "a.url FROM conflicts c JOIN conflict_claims cc ON cc.conflict_id = c.id "
        "JOIN claims x ON x.article_id = cc.article_id AND x.claim_id = cc.claim_id "
        "JOIN articles a ON a.id = x.article_id ORDER BY c.id, a.published, x.article_id")


_READERS: dict[str, Callable[[Store], list[dict]]] = {
    "articles": _articles, "people": _people, "mentions": _mentions, "quotes": _quotes, "events": _events,
    "claims": _claims, "conflicts": _conflicts}


# --- formats ---------------------------------------------------------------------------------------------------


def _cell(value) -> str | int | float | None:
    """A value as a CSV cell: lists joined with '; ', objects as JSON."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_lines(rows: Iterable[dict], columns: list[str]) -> Iterator[str]:
    """CSV text, header first, one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(row.get(c)) for c in columns])
        yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict], columns: list[str]) -> Iterator[str]:
    """One compact JSON object per row, its keys the table's columns."""
    for row in rows:
        yield json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n"


def write_parquet(rows: list[dict], columns: list[str], path: str | Path) -> None:
    """One Parquet file; objects become JSON text, lists stay lists, an empty table keeps its columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not rows:
        table = pa.table({c: pa.array([], pa.string()) for c in columns})
    else:
        table = pa.Table.from_pylist([{c: json.dumps(r.get(c), ensure_ascii=False)
                                       if isinstance(r.get(c), dict) else r.get(c) for c in columns} for r in rows])
    pq.write_table(table, path, compression="zstd")


def write_table(store: Store, table: str, fmt: str, path: str | Path) -> int:
    """Write one table to a file in `fmt` (csv, jsonl, parquet); the number of rows."""
    rows, columns = table_rows(store, table), COLUMNS[table]
    if fmt == "parquet":
        write_parquet(rows, columns, path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.writelines((csv_lines if fmt == "csv" else jsonl_lines)(rows, columns))
    return len(rows)


def write_tables(store: Store, fmt: str, out_dir: str | Path, tables: Iterable[str] = TABLES) -> dict[str, int]:
    """Every table (or those named) as OUT_DIR/TABLE.csv|.jsonl|.parquet; rows written per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return {t: write_table(store, t, fmt, out / f"{t}{FORMATS[fmt]}") for t in tables}


# --- schema.org JSON-LD ----------------------------------------------------------------------------------------


def node_id(base_url: str | None, path: str) -> str:
    """An absolute @id: the web page of the thing under `base_url` (`newsgraph serve`), else a newsgraph URN."""
    if base_url:
        return base_url.rstrip("/") + "/" + path
    return "urn:newsgraph:" + path.replace("/", ":").replace("#", ":")


def jsonld(store: Store, base_url: str | None = None) -> dict:
    """The store as schema.org: NewsArticle, Person/Organization/Place, Quotation and Event nodes.

    Every @id is absolute: the page `newsgraph serve` shows it at under `base_url`
    (https://news.example/articles/ID, /people/ID, /articles/ID#quote-q1), or a `urn:newsgraph:` name.
    """
    db = store.db
    entities = {r["id"]: r for r in db.query("SELECT id, type, name FROM entities ORDER BY id")}

    def entity_ref(eid: int) -> dict:
        return {"@id": node_id(base_url, f"{ENTITY_PATHS.get(entities[eid]['type'], 'entities')}/{eid}")}

    graph = []
    names = _names(db, list(entities))
    for eid, entity in entities.items():
        node = {"@type": SCHEMA_TYPES.get(entity["type"], "Thing"), **entity_ref(eid), "name": entity["name"]}
        alternates = [n for n in names.get(eid, []) if n != entity["name"]]
        if alternates:
            node["alternateName"] = alternates
        graph.append(node)
    mentioned: dict[str, list[int]] = defaultdict(list)
    for row in db.query("SELECT article_id, entity_id FROM mentions ORDER BY article_id, entity_id"):
        mentioned[row["article_id"]].append(row["entity_id"])
    ids = _local_ids(store)
    for record in _records(store):
        article = {"@id": node_id(base_url, f"articles/{record['id']}")}
        graph.append(_drop_empty({
            "@type": "NewsArticle", **article, "headline": record["headline"],
            "alternativeHeadline": record["subheadline"], "datePublished": record["published"],
            "url": record["url"], "inLanguage": record["language"],
            "author": [{"@type": "Person", "name": a} for a in record["authors"]],
            "publisher": {"@type": "Organization", "name": record["site_name"]} if record["site_name"] else None,
            "articleBody": "\n\n".join(record["paragraphs"]),
            "mentions": [entity_ref(e) for e in dict.fromkeys(mentioned.get(record["id"], []))]}))
        for quote in record["quotes"]:
            speaker = ids.get((record["id"], quote["speaker"] or ""))
            graph.append(_drop_empty({
                "@type": "Quotation", "@id": node_id(base_url, f"articles/{record['id']}#quote-{quote['id']}"),
                "text": quote["text"], "isPartOf": article,
                "spokenByCharacter": entity_ref(speaker) if speaker in entities else
                ({"@type": "Thing", "name": quote["speaker_name"]} if quote["speaker_name"] else None)}))
        for event in record["events"]:
            actors = [ids.get((record["id"], p)) for p in event["participants"]]
            graph.append(_drop_empty({
                "@type": "Event", "@id": node_id(base_url, f"articles/{record['id']}#event-{event['id']}"),
                "name": event["type"], "startDate": (event.get("date") or {}).get("value"),
                "location": {"@type": "Place", "name": event["place"]} if event.get("place") else None,
                "actor": [entity_ref(a) for a in actors if a in entities],
                "description": (event.get("evidence") or {}).get("text"), "subjectOf": article}))
    return {"@context": "https://schema.org", "@graph": graph}


def _drop_empty(node: dict) -> dict:
    return {k: v for k, v in node.items() if v not in (None, [], "")}
