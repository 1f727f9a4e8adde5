"""Scale-out: the extraction stages over many files and WARCs, into Parquet or JSONL shards.

    shards.py      work units (WARC slices, file groups) and shard names
    work.py        Extractor: one per worker, the stages and the model loaded once
    writer.py      shard files, written whole by an atomic rename, with their manifests
    local.py       the process-pool engine (the default)
    ray_engine.py  the Ray Data engine (pip install 'newsgraph[ray]')
    runner.py      run_batch: plan, skip what is done, run an engine, report
    cli.py         the `newsgraph batch` command

    >>> from newsgraph.batch import BatchOptions, run_batch
    >>> report = run_batch(["CC-NEWS-20240301.warc.gz"], "out/", BatchOptions(engine="local", workers=2))
"""

from .runner import BatchOptions, BatchReport, OutputMismatch, run_batch
from .writer import read_failures, read_records

__all__ = ["BatchOptions", "BatchReport", "OutputMismatch", "read_failures", "read_records", "run_batch"]
