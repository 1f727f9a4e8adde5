"""A whole corpus: `/articles` (sorted, filtered, paged), and organisations and places, listed and one by one.

`/people` is the same paged list as `/organizations` and `/places`; one
person has a page of their own (`people.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from ...store import Store
from ...store.browse import ARTICLE_SORTS, ENTITY_SORTS, ArticleFilters
from ...understand.events import named_type
from .args import BadRequest, PAGE_SIZE, iso_date, page_number, text

ENTITY_PAGE_SIZE = 50
MAX_SIZE = 200
KINDS = {"person": ("/people", "People", "person"), "organization": ("/organizations", "Organisations", "organisation"),
         "place": ("/places", "Places", "place")}
"""Per entity type: its list's path, heading and noun."""


def _choice(args: dict, name: str, choices, default: str) -> str:
    value = text(args, name) or default
    if value not in choices:
        raise BadRequest(f"{name}={value!r}: choose from {', '.join(choices)}")
    return value


def _size(args: dict, default: int) -> int:
    """How many rows a page shows: `size`, 1 to MAX_SIZE."""
    value = text(args, "size") or str(default)
    if not value.isdigit() or not 1 <= int(value) <= MAX_SIZE:
        raise BadRequest(f"size={value!r} is not a page size from 1 to {MAX_SIZE}")
    return int(value)


def _entity_id(args: dict) -> int | None:
    value = text(args, "entity")
    if value is not None and not value.isdigit():
        raise BadRequest(f"entity={value!r} is not an entity id")
    return int(value) if value else None


def articles_index(store: Store, args: dict) -> dict:
    """One page of articles, sorted and narrowed by source, language, dates, an entity, reposts or not."""
    filters = ArticleFilters(site=text(args, "site"), language=text(args, "language"), since=iso_date(args, "since"),
                             until=iso_date(args, "until", end=True), with_duplicates=text(args, "reposts") == "1",
                             entity_id=_entity_id(args))
    sort, page, size = _choice(args, "sort", ARTICLE_SORTS, "newest"), page_number(args), _size(args, PAGE_SIZE)
    found = store.browse_articles(filters, sort, size, (page - 1) * size)
    return {"filters": vars(filters), "sort": sort, "page": page, "page_size": size, "total": found["total"],
            "rows": found["rows"], "choices": store.article_choices()}


def entities_index(type: str) -> Callable[[Store, dict], dict]:
    """The paged list of one entity type, narrowed by a name part (and, for people, an organisation)."""
    path, heading, noun = KINDS[type]

    def index(store: Store, args: dict) -> dict:
        filters = {"name": text(args, "name"), "organization": text(args, "organization") if type == "person" else None}
        sort, page, size = _choice(args, "sort", ENTITY_SORTS, "articles"), page_number(args), \
            _size(args, ENTITY_PAGE_SIZE)
        found = store.browse_entities(type, filters["name"], filters["organization"], sort, size, (page - 1) * size)
        return {"type": type, "path": path, "heading": heading, "noun": noun, "filters": filters, "sort": sort,
                "page": page, "page_size": size, "total": found["total"], "rows": found["rows"]}

    index.__doc__ = f"`{path}`: the {heading.lower()} in the most articles, paged and filtered."
    return index


def entity_page(type: str) -> Callable[..., dict | None]:
    """One organisation or place: names, people tied to it, what it said, what happened there, its articles."""
    def page(store: Store, args: dict, entity_id: int) -> dict | None:
        entity = store.entity_profile(entity_id)
        if entity is None or entity["type"] != type:
            return None
        articles = store.browse_articles(ArticleFilters(entity_id=entity_id), "newest", PAGE_SIZE, 0)["rows"]
        if args.get("events") != "all":  # named event types by default, as on a person's page
            entity["events"] = [e for e in entity.get("events") or [] if named_type(e["type"])]
        return {"entity": entity, "articles": articles}

    page.__doc__ = f"`{KINDS[type][0]}/ID`: one {KINDS[type][2]} across every source."
    return page
