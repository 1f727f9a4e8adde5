"""Every argument-less function of the readers' and understanding stages' modules that calls `load_data` is cached.

One that is not re-reads and re-parses its JSON file on every call; one such loader in the entity stage (the outlet
list, read for each name) once cut the pipeline from 0.77 to 0.73 of bare spaCy's throughput. Speed itself is
measured by `benchmarks/bench_pipeline.py`, not here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import newsgraph.readers
import newsgraph.understand


def _loaders():
    for package in (newsgraph.readers, newsgraph.understand):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, obj in vars(module).items():
                func = getattr(obj, "__wrapped__", obj)
                if not inspect.isfunction(func) or func.__module__ != module.__name__:
                    continue
                if "load_data(" in inspect.getsource(func) and not inspect.signature(obj).parameters:
                    yield f"{module.__name__}.{name}", obj


LOADERS = dict(_loaders())


def test_there_are_loaders_to_check():
    assert "newsgraph.understand.entity_types.outlet_names" in LOADERS


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_a_loader_without_arguments_is_cached(name):
    assert hasattr(LOADERS[name], "cache_info"), f"{name} reads its data file on every call"
