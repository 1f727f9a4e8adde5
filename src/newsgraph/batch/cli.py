"""The `newsgraph batch` command: argument parsing and a progress bar over `run_batch`."""

from __future__ import annotations

import sys

import click

from ..cli_support import budget_options, stage_plan


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the shards; a rerun into it resumes, skipping finished shards.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: a process pool; ray: Ray Data (pip install 'newsgraph[ray]').")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes (local) or actors (ray), each with its own spaCy model "
                   "[default: every CPU of this machine, or of the cluster with --address].")
@click.option("--address", help="Ray cluster to join: auto, ray://HEAD:10001 (default: start a local one).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet", show_default=True)
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Records per shard (WARCs are cut between records) or files per shard.")
@click.option("--stage", "stage_specs", multiple=True, metavar="NAME=MODULE:CALLABLE",
              help="Replace a stage in every worker (repeatable; also NEWSGRAPH_STAGES).")
@click.option("--layout-only", is_flag=True, help="Structure only: skip entities, quotes, dates and events.")
@budget_options
def batch(inputs: tuple[str, ...], out_dir: str, engine: str, workers: int | None, address: str | None, fmt: str,
          shard_size: int, stage_specs: tuple[str, ...], layout_only: bool, time_limit: float,
          memory_limit: int) -> None:
    """Extract many files, folders and WARCs into Parquet (or JSONL) shards under --out."""
    from tqdm import tqdm

    from ..budget import Budget
    from ..errors import NewsgraphError
    from .runner import BatchOptions, OutputMismatch, run_batch

    stage_plan(stage_specs, layout_only)  # a bad --stage fails here, not in every worker
    if address and engine != "ray":
        raise click.UsageError("--address is for --engine ray")
    options = BatchOptions(engine=engine, workers=workers, address=address, fmt=fmt, shard_size=shard_size,
                           stage_specs=stage_specs, layout_only=layout_only,
                           budget=Budget.of(time_limit, memory_limit))
    bar = tqdm(unit="rec", desc=f"batch ({engine}×{workers or 'all'})", file=sys.stderr, disable=None, smoothing=0.1)

    def progress(count: int, already: int) -> None:
        if already or bar.total is None:
            bar.reset(total=count)
            bar.update(already)
        else:
            bar.update(count)

    try:
        report = run_batch(inputs, out_dir, options, progress)
    except (OutputMismatch, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        bar.close()
    for failure in report.failures:
        click.echo(f"newsgraph: {failure}", err=True)
    click.echo(f"{out_dir}: {report.summary()}", err=True)
    sys.exit(1 if report.failures else 0)
