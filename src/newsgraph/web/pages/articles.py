"""`/articles/ID`: the clean body with every fact highlighted from its evidence offsets."""

from __future__ import annotations

from ...model import Article
from ...store import Store
from ...understand.events import is_named
from ..highlight import body_html


def data(store: Store, args: dict, article_id: str) -> dict | None:
    """The record as stored, which knowledge-base entity each of its entities is, and its near-duplicates."""
    article = store.article(article_id)
    if article is None:
        return None
    return {"article": article.model_dump(mode="json"), "entity_ids": store.entity_ids(article_id),
            "duplicates": store.duplicates(article_id)}


def html(data: dict) -> dict:
    """The highlighted paragraphs, and the record's facts grouped for the side panels."""
    article = Article.model_validate(data["article"])
    entities = {e.id: e for e in article.entities}
    by_type: dict[str, list] = {}
    for entity in sorted(article.entities, key=lambda e: (-len(e.mentions), e.name)):
        by_type.setdefault(entity.type, []).append(entity)
    named = [event for event in article.events if is_named(event)]  # generic, bare and unasserted ones: in the JSON
    shown = article.model_copy(update={"events": named})
    return {"record": shown, "paragraphs": body_html(shown, data["entity_ids"]), "entities_by_type": by_type,
            "other_events": len(article.events) - len(named),
            "entity_names": {k: v.name for k, v in entities.items()},
            "entity_types": {k: v.type for k, v in entities.items()}}
