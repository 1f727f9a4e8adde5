"""The knowledge base: SQLite by default, PostgreSQL as the second implementation."""

from .backends import Database, connect
from .schema import migrate
from .store import Store, open_store

__all__ = ["Database", "Store", "connect", "migrate", "open_store"]
