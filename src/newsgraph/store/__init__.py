"""The knowledge base: SQLite by default, PostgreSQL as the second implementation."""

from .backends import Database, connect
from .store import Store, migrate, open_store

__all__ = ["Database", "Store", "connect", "migrate", "open_store"]
