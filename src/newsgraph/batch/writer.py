"""Shard files: Parquet (or JSON Lines) of records, written whole or not at all.

A Parquet shard has one row per article: the record as the same compact
JSON line `newsgraph extract` prints (`record`), beside a few flat columns
to query without parsing it (`id`, `source`, `url`, `headline`,
`published`). A JSONL shard holds the record lines alone.

Each shard `NAME.parquet` comes with `_manifests/NAME.json`: its input,
how many records it holds, and its failures. Both are written to temporary
names first; the manifest is renamed into place, then the data file, and
only the data file's presence marks the shard done. Only shards sit in the
folder itself (readers such as `pandas.read_parquet(DIR)` and pyarrow
skip names starting with `_` or `.`, so the manifests, `_batch.json` and
temporary files stay out of the way).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..api import Failure
from .work import COLUMNS, ShardResult

FORMATS = {"parquet": ".parquet", "jsonl": ".jsonl"}
MANIFESTS = "_manifests"  # a folder beside the shards, which readers of the shards skip
LEGACY_MANIFEST = ".manifest.json"  # beside the shard, as runs before `_manifests` wrote them


@dataclass
class ShardSummary:
    """What writing one shard did: small enough to send back to the driver."""

    shard: str
    records: int
    planned: int
    failures: list[Failure] = field(default_factory=list)
    pid: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "failures": [asdict(f) for f in self.failures]}

    @classmethod
    def from_dict(cls, data: dict) -> ShardSummary:
        return cls(**{**data, "failures": [Failure(**f) for f in data["failures"]]})


def shard_path(out_dir: str | Path, shard: str, fmt: str) -> Path:
    return Path(out_dir) / f"{shard}{FORMATS[fmt]}"


def write_shard(out_dir: str | Path, result: ShardResult, fmt: str = "parquet") -> ShardSummary:
    """Write the unit's records and manifest; the data file appears, complete, by an atomic rename."""
    out_dir = Path(out_dir)
    shard = result.unit.shard
    rows = result.rows
    summary = ShardSummary(shard, len(rows), result.unit.records, result.failures, result.pid, result.peak_rss_mb,
                           result.cpu_seconds)
    manifest = {"shard": shard, "unit": result.unit.to_dict(), "records": len(rows),
                "failures": [asdict(f) for f in result.failures]}
    (out_dir / MANIFESTS).mkdir(exist_ok=True)
    _replace(out_dir / MANIFESTS / f"{shard}.json",
             lambda tmp: tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"))
    writer = _write_parquet if fmt == "parquet" else _write_jsonl
    _replace(shard_path(out_dir, shard, fmt), lambda tmp: writer(tmp, rows))
    return summary


def _replace(final: Path, write) -> None:
    tmp = final.with_name(f".{final.name}.tmp")
    write(tmp)
    os.replace(tmp, final)


def _write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.string()) for name in COLUMNS])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd")


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(row["record"] + "\n" for row in rows)


def done_shards(out_dir: str | Path, fmt: str) -> set[str]:
    """Names of the shards already complete in `out_dir`."""
    suffix = FORMATS[fmt]
    return {p.name.removesuffix(suffix) for p in Path(out_dir).glob(f"*{suffix}") if not p.name.startswith(".")}


def clean_partial(out_dir: str | Path) -> None:
    """Remove temporary files an interrupted run left behind."""
    for tmp in [*Path(out_dir).glob(".*.tmp"), *Path(out_dir).glob(f"{MANIFESTS}/.*.tmp")]:
        tmp.unlink(missing_ok=True)


def read_records(out_dir: str | Path) -> Iterator[str]:
    """Every record JSON line in `out_dir`, shard by shard in name order, each in input order."""
    for path in sorted(Path(out_dir).iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == ".parquet":
            yield from parquet_records(path)
        elif path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                yield from (line.rstrip("\n") for line in fh if line.strip())


def parquet_records(path: str | Path) -> Iterator[str]:
    """The record JSON lines of one Parquet shard, one row group at a time."""
    import pyarrow.parquet as pq

    reader = pq.ParquetFile(path)
    for group in range(reader.num_row_groups):
        yield from reader.read_row_group(group, columns=["record"]).column("record").to_pylist()


def read_failures(out_dir: str | Path) -> list[Failure]:
    """The failures of every complete shard in `out_dir`, from their manifests."""
    failures = []
    for path in sorted([*Path(out_dir).glob(f"{MANIFESTS}/*.json"), *Path(out_dir).glob(f"*{LEGACY_MANIFEST}")]):
        failures += [Failure(**f) for f in json.loads(path.read_text(encoding="utf-8"))["failures"]]
    return failures
