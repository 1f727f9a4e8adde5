"""newsgraph: news articles into structured, evidence-linked records.

    >>> import newsgraph
    >>> article = newsgraph.extract(open("story.txt").read())
    >>> article.headline, article.paragraphs, article.media
    >>> store = newsgraph.open_store("news.db")       # or postgresql://...
    >>> store.ingest(["crawl.warc.gz", "articles/"])
    >>> store.search("ceremony", person="Itamar Alus")
"""

from .api import Failure, extract, extract_files
from .errors import InputError, NewsgraphError, StageError
from .model import Article, Claim, Entity, Event, Media, Quote, Removed, Span, json_schema
from .store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Failure",
    "InputError",
    "Media",
    "NewsgraphError",
    "Quote",
    "Removed",
    "Span",
    "StageError",
    "Store",
    "__version__",
    "extract",
    "extract_files",
    "json_schema",
    "open_store",
]
