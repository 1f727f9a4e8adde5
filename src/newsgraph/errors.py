"""Named exceptions, so callers can tell a bad input from a bug.

    NewsgraphError
    └── InputError              one input could not become an article
        ├── EmptyInput          nothing but whitespace
        ├── BinaryInput         not text, HTML or WARC (e.g. an image)
        ├── UndecodableInput    no text encoding fits the bytes
        ├── TooLargeInput       a single text or HTML document over the size limit
        ├── TruncatedInput      a gzip stream that ends early
        ├── MalformedInput      HTML with no extractable article, a broken WARC record
        ├── MissingInput        no such file (also a FileNotFoundError)
        └── UnknownInputKind    a kind that was asked for but is not supported
    ├── StageError              a stage failed on one article (a bug, or a user's stage): the batch goes on
    ├── ModelNotFound           a model a stage needs is not installed: one error for the whole run
    ├── StoreError              the knowledge base cannot be opened, read or written (CLI exit status 3)
    │   ├── StoreNotFound       reading a store that does not exist (nothing is created)
    │   ├── StoreBusy           another writer held the store for longer than the wait
    │   ├── StoreFull           no space left on the store's device (CLI exit status 4)
    │   └── StoreReadOnly       a write to a store opened read-only, or on a read-only file system
    ├── BadQuery                a search or filter the store will not run: too many words, a word too long, a NUL byte
    └── AmbiguousName           a name that fits several entities; carries the candidates

Every InputError carries `source` (the file name or '-') and `reason`,
and prints as "SOURCE: REASON".
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """One input could not become an article."""

    def __init__(self, reason: str, source: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


class EmptyInput(InputError):
    """The input holds nothing but whitespace."""


class BinaryInput(InputError):
    """The input is binary data, not text, HTML or WARC."""


class UndecodableInput(InputError):
    """No text encoding fits the input's bytes."""


class TooLargeInput(InputError):
    """A single text or HTML document is over the size limit."""


class TruncatedInput(InputError):
    """A compressed stream ends before it should."""


class MalformedInput(InputError):
    """The input has the right kind but cannot be read as an article."""


class MissingInput(InputError, FileNotFoundError):
    """There is no file at the path given."""


class UnknownInputKind(InputError):
    """The input kind asked for is not supported."""


class StageError(NewsgraphError):
    """A pipeline stage raised on one article; carries the stage's name and the input."""

    def __init__(self, stage: str, error: Exception, source: str | None = None):
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error
        self.source = source
        self.reason = f"stage {stage!r} failed: {type(error).__name__}: {error}"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


class ModelNotFound(NewsgraphError):
    """A model a stage needs is not installed; no input can be processed, so the run stops with one error."""


class AmbiguousName(NewsgraphError, LookupError):
    """A name that fits several entities; `candidates` lists them (id, name, titles, articles), most reported first."""

    def __init__(self, name: str, candidates: list[dict]):
        super().__init__(f"{name!r} names {len(candidates)} people")
        self.name = name
        self.candidates = candidates


class StoreError(NewsgraphError):
    """The knowledge base cannot be opened, read or written; the message is one line saying why."""


class StoreNotFound(StoreError):
    """A store that is only read does not exist; nothing was created."""


class StoreBusy(StoreError):
    """Another writer held the store for longer than this one would wait."""


class StoreFull(StoreError):
    """No space is left on the device that holds the store (nothing half-written is kept)."""


class StoreReadOnly(StoreError):
    """A write to a store opened read-only, or kept on a read-only file system."""


class BadQuery(NewsgraphError, ValueError):
    """A search or filter the store will not run; the message says which limit it passed."""
