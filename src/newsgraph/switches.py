"""Named switches over rule families, for the ablations that show what each family adds on real dev data.

One `RuleSwitches` per set of families (entities, quotes, scraped text): every family runs unless named in
the set's environment variable (comma-separated) or switched off for a block with `off(...)`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


class RuleSwitches:
    """Which of `families` (name -> what it does) run: all but those named in `variable` or switched off."""

    def __init__(self, families: dict[str, str], variable: str, kind: str):
        self.families = families
        self.kind = kind  # 'entity', 'quote', 'text': names the set in errors
        self._off = {n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()}

    def enabled(self, name: str) -> bool:
        """Whether the family `name` runs."""
        if name not in self.families:
            raise KeyError(f"no {self.kind} rule family named {name!r}")
        return name not in self._off

    __call__ = enabled

    @contextmanager
    def off(self, *names: str) -> Iterator[None]:
        """Run the block with the named families switched off."""
        for name in names:
            self.enabled(name)  # unknown names fail here
        before = set(self._off)
        self._off |= set(names)
        try:
            yield
        finally:
            self._off = before
