"""What every command shares: one-line errors with exit statuses, and the per-document budget options.

Errors are one line each, `newsgraph: REASON`, with an exit status that says what kind:

| status | meaning |
|---|---|
| 0 | done |
| 1 | some inputs failed (each printed as `newsgraph: SOURCE: reason`), or another error |
| 2 | a usage error: a bad option or argument, a query past the limits (`BadQuery`) |
| 3 | the store could not be opened, read or written (`StoreError`: busy, read-only, gone) |
| 4 | no space left on the device (`StoreFull`, or a file being written) |

No traceback reaches the user for these: the library raises named errors
(`newsgraph.errors`) and the machine's own (a full disk, no memory) are
turned into the same one line here.
"""

from __future__ import annotations

import errno
import sys

import click

from .errors import BadQuery, ModelNotFound, StoreError, StoreFull

EXIT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_NO_SPACE = 1, 2, 3, 4


class OneLineError(click.ClickException):
    """A ClickException printed as `newsgraph: MESSAGE` with its own exit status."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"newsgraph: {self.format_message()}", file=file or sys.stderr)


def one_line(exc: BaseException) -> OneLineError | None:
    """The one-line error for an exception the user should see as a message, None for a bug."""
    if isinstance(exc, StoreFull):
        return OneLineError(str(exc), EXIT_NO_SPACE)
    if isinstance(exc, StoreError):
        return OneLineError(str(exc), EXIT_STORE)
    if isinstance(exc, BadQuery):
        return OneLineError(str(exc), EXIT_USAGE)
    if isinstance(exc, ModelNotFound):  # it would fail every input alike: one error for the run
        return OneLineError(str(exc), EXIT_FAILED)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        where = f" writing {exc.filename}" if exc.filename else ""
        return OneLineError(f"no space left on the device{where}", EXIT_NO_SPACE)
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT):
        return OneLineError(f"{exc.filename or 'a file'}: {exc.strerror}", EXIT_FAILED)
    if isinstance(exc, MemoryError):
        return OneLineError("out of memory (lower --workers, or --max-memory per document)", EXIT_FAILED)
    return None


class Group(click.Group):
    """The `newsgraph` group: errors of every command become `one_line` messages."""

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
        except (click.exceptions.Exit, SystemExit):
            _flush()
            raise
        except (click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - sorted below: known kinds become one line, bugs propagate
            error = one_line(exc)
            if error is None:
                raise
            raise error from None
        _flush()
        return result


def _flush() -> None:
    """Flush standard output now, so a full disk under redirected output is reported, not lost at exit."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        error = one_line(exc)
        if error is None:
            raise
        raise error from None


def budget_options(command):
    """--time-limit and --memory-limit: the per-document budget of a command that extracts (0: no limit)."""
    from .budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS

    command = click.option("--memory-limit", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
                           show_default=True, metavar="MB",
                           help="Memory one document may take (the worker's resident size); 0: no limit.")(command)
    return click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_SECONDS, show_default=True,
                        metavar="SECONDS", help="Seconds one document may take; 0: no limit (and no worker "
                        "process when both are 0).")(command)


def stage_plan(stage_specs: tuple[str, ...], layout_only: bool):
    """The stages a worker builds: NEWSGRAPH_STAGES and --stage specs, checked here (a bad one is a usage error)."""
    from .budget import StagePlan

    try:
        return StagePlan.from_specs(stage_specs, layout_only, check=True)
    except (ValueError, ImportError, AttributeError) as exc:
        raise click.UsageError(f"--stage: {exc}") from None
