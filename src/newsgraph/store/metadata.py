"""What each table, view and column holds (`data/tables.json`), and the same as Datasette metadata."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

DATASETTE_KEYS = ("label_column", "sort_desc", "facets")
SEARCH = {"articles": "articles_fts", "quotes": "quotes_fts"}


@cache
def table_docs() -> dict[str, dict]:
    """Per table and view: its description, its columns' descriptions and how Datasette should show it."""
    text = resources.files("newsgraph").joinpath("data/tables.json").read_text(encoding="utf-8")
    return json.loads(text)["tables"]


def database_name(url: str) -> str:
    """The name Datasette gives the SQLite file of a store URL: the file's name without its suffix."""
    if urlparse(url).scheme in ("postgresql", "postgres"):
        raise ValueError("Datasette reads SQLite files only; this store is on PostgreSQL")
    path = url.split("sqlite:///", 1)[-1] if url.startswith("sqlite:") else url
    return Path(path).stem


def datasette_metadata(database: str) -> dict:
    """Datasette metadata for a store opened as `database`: descriptions, labels, sort, facets and search."""
    tables = {}
    for name, doc in table_docs().items():
        entry = {"description": doc["description"], "columns": doc["columns"]}
        entry.update({key: doc[key] for key in DATASETTE_KEYS if key in doc})
        if name in SEARCH:
            entry.update(fts_table=SEARCH[name], fts_pk="rowid")
        tables[name] = entry
    return {"title": "newsgraph knowledge base",
            "description": "News articles as evidence-linked records: people, organisations, places, quotes, "
                           "events, claims and the conflicts between sources. Offsets index the `text` of "
                           "each article's record.",
            "databases": {database: {"tables": tables}}}
