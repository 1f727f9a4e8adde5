"""The Jinja2 environment: autoescape on, and the few filters the templates use."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from urllib.parse import quote_plus, urlparse

import jinja2
from markupsafe import Markup, escape

from ..export import ENTITY_PATHS

MARK_OPEN, MARK_CLOSE = str(escape("<mark>")), str(escape("</mark>"))


def environment() -> jinja2.Environment:
    """Templates from the package, every value escaped unless a filter here says otherwise."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("newsgraph.web", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, auto_reload=False)  # no stat() per page
    env.filters.update(marks=marks, http_url=http_url, script=script_name, day=day, details=details)
    env.globals.update(url_with=url_with, entity_path=entity_path)
    return env


def entity_path(type: str) -> str:
    """Where the pages of an entity type live: /people, /organizations, /places (the paths JSON-LD @ids use)."""
    return "/" + ENTITY_PATHS[type] if type in ENTITY_PATHS else "/search"


def details(attributes: dict, names: dict | None = None) -> str:
    """An event's attributes for reading: 'rank: Sergeant Major; posthumous' (no True/False, no bare ids)."""
    out = []
    for key, value in attributes.items():
        if value is None or value is False or key.startswith("date_"):  # date_*: how the date was found
            continue
        label = key.replace("_", " ")
        if value is True:
            out.append(label)
        elif isinstance(value, str) and value[:1] == "e" and value[1:].isdigit():
            if names and value in names:
                out.append(f"{label}: {names[value]}")
        else:
            out.append(f"{label}: {value}")
    return "; ".join(out)


def marks(snippet: str | None) -> Markup:
    """A search snippet escaped, keeping only the search engine's <mark> highlighting as markup."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def http_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: links taken from articles never run scripts (nor break the page:
    an address `urlparse` refuses is none)."""
    try:
        return url if url and urlparse(url).scheme in ("http", "https") else None
    except ValueError:
        return None


def script_name(text: str) -> str:
    """The writing system of a name: Latin, Hebrew, Arabic, Cyrillic, ... (its first letter's)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "UNKNOWN").split()[0].title()
    return "Other"


def day(value: str | None) -> str:
    """An ISO date-time shortened to what a reader needs: 2025-10-03 14:32."""
    return (value or "").replace("T", " ")[:16]


def url_with(path: str, args: dict, **changes) -> str:
    """`path` with the current query arguments, some changed or (given None) removed; paging restarts."""
    merged = {k: v for k, v in args.items() if k != "page"}
    merged.update(changes)
    query = "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in merged.items() if v not in (None, ""))
    return path + ("?" + query if query else "")


def _quoted(value) -> str:
    """A key or value as `urlencode` writes it: `quote_plus` of its text (cached: a results page links ~70
    facets with the same few arguments and names)."""
    return _quote_plus(value if isinstance(value, (str, bytes)) else str(value))


_quote_plus = lru_cache(maxsize=4096)(quote_plus)
