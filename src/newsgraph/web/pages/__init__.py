"""Every page of the web app, in one table.

A page is a function `(store, args, **path_params) -> dict | None`: the data
of the page, served as JSON at the same path with `.json`, and rendered as
HTML by its template (with extra, HTML-only context from `html`, such as
the highlighted body). None means "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import add, articles, conflicts, corpus, corrections, home, people, quotes, search
from .args import BadRequest


@dataclass(frozen=True)
class Page:
    """One page: its path, the function that gathers its data, its template, and HTML-only extras."""

    name: str
    path: str
    data: Callable[..., dict | None]
    template: str
    html: Callable[[dict], dict] | None = None
    methods: tuple[str, ...] = ("GET",)
    writes: bool = False
    submit: Callable[..., dict] | None = None  # a POST that needs the writer's worker: (writer, form) -> data

    def json_paths(self) -> list[str]:
        """Where the JSON twin lives: the path with `.json` (`/.json` and `/index.json` for `/`)."""
        return ["/.json", "/index.json"] if self.path == "/" else [self.path + ".json"]


PAGES: list[Page] = [
    Page("home", "/", home.data, "index.html"),
    Page("search", "/search", search.data, "search.html"),
    Page("articles", "/articles", corpus.articles_index, "articles.html"),
    Page("article", "/articles/{article_id}", articles.data, "article.html", html=articles.html),
    Page("people", "/people", corpus.entities_index("person"), "entities.html"),
    Page("person", "/people/{entity_id:int}", people.data, "person.html", html=people.html),
    Page("organizations", "/organizations", corpus.entities_index("organization"), "entities.html"),
    Page("organization", "/organizations/{entity_id:int}", corpus.entity_page("organization"), "entity.html"),
    Page("places", "/places", corpus.entities_index("place"), "entities.html"),
    Page("place", "/places/{entity_id:int}", corpus.entity_page("place"), "entity.html"),
    Page("quotes", "/quotes", quotes.data, "quotes.html"),
    Page("conflicts", "/conflicts", conflicts.data, "conflicts.html"),
    Page("corrections", "/corrections", corrections.index, "corrections.html"),
    Page("add", "/add", add.data, "add.html", methods=("GET", "POST"), writes=True, submit=add.submit),
    Page("correct", "/correct", corrections.apply, "correct.html", methods=("GET", "POST"), writes=True),
]
"""In the order of the navigation bar; pages that write exist only when the server is started writable."""

__all__ = ["PAGES", "BadRequest", "Page"]
