"""The repository's scripts and benchmarks (files, not package modules) loaded as modules for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def load_script(path: Path, name: str | None = None):
    """The script at `path` as a module, registered in sys.modules under `name` (its stem by default): a dataclass
    of the script looks its module up there."""
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
