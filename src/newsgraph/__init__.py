"""newsgraph: news articles into structured, evidence-linked records.

    >>> import newsgraph
    >>> article = newsgraph.extract(open("story.txt").read())
    >>> article.headline, article.paragraphs, article.media
"""

from .api import Failure, extract, extract_files
from .errors import InputError, NewsgraphError
from .model import Article, Entity, Event, Media, Quote, Removed, Span, json_schema

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Failure",
    "InputError",
    "Media",
    "NewsgraphError",
    "Quote",
    "Removed",
    "Span",
    "__version__",
    "extract",
    "extract_files",
    "json_schema",
]
