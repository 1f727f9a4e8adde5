"""A throw-away PostgreSQL server for tests and benchmarks.

1. Find `initdb` and `pg_ctl`: on PATH, else in /usr/lib/postgresql/*/bin
   (newest first); install Debian's `postgresql` with apt-get only when
   neither has them.
2. `initdb` a cluster in a fresh temporary folder. PostgreSQL refuses to
   run as root, so as root the folder belongs to the `postgres` OS user
   (created when missing) and the server runs as that user.
3. Start it on a free port on 127.0.0.1 only, with its unix socket inside
   the temporary folder, trusting local connections.
4. Stop it and remove the folder when done.

    with PgServer.start() as server:
        url = server.create_database("newsgraph_test")

The benchmark imports this module too (`benchmarks/bench_store.py`).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

OS_USER = "postgres"
DB_USER = "postgres"
# Safe to lose on a crash, so a test server need not wait for the disk.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class PgServerError(RuntimeError):
    """The test server could not be found, installed or started."""


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    on_path = shutil.which("initdb"), shutil.which("pg_ctl")
    if all(on_path):
        return Path(os.path.realpath(on_path[0])).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    for folder in versions:
        if os.access(Path(folder, "initdb"), os.X_OK) and os.access(Path(folder, "pg_ctl"), os.X_OK):
            return Path(folder)
    return None


def _version(folder: str) -> tuple[int, ...]:
    name = Path(folder).parent.name
    return tuple(int(p) for p in name.split(".") if p.isdigit())


def install_postgresql() -> Path:
    """Install Debian's `postgresql` package (root only) and return its bin folder."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise PgServerError("PostgreSQL is not installed and cannot be installed here: "
                            "install the `postgresql` package (initdb, pg_ctl)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt may hold Debian's lock: wait for it
    for command in (["apt-get", *lock, "update"],
                    ["apt-get", *lock, "install", "-y", "--no-install-recommends", "postgresql"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            raise PgServerError(f"{' '.join(command)} failed: {done.stderr.strip()[-2000:]}")
    bindir = find_bindir()
    if bindir is None:
        raise PgServerError("installed `postgresql` but found no initdb/pg_ctl")
    return bindir


def ensure_os_user() -> None:
    """Create the `postgres` OS user the server runs as, when running as root and it is missing."""
    if subprocess.run(["id", "-u", OS_USER], capture_output=True).returncode == 0:
        return
    done = subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/bin/sh",
                           OS_USER], capture_output=True, text=True)
    if done.returncode:
        raise PgServerError(f"could not create the {OS_USER} user: {done.stderr.strip()}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    """One throw-away PostgreSQL cluster in a temporary folder."""

    def __init__(self, bindir: Path, root: Path, port: int):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.socket_dir = root / "run"
        self.log = root / "server.log"
        self.port = port

    @classmethod
    def start(cls, *, fast: bool = True, attempts: int = 3) -> PgServer:
        """Install when needed, initdb and start a server; `fast` turns off fsync (tests, not benchmarks)."""
        bindir = find_bindir() or install_postgresql()
        as_root = os.geteuid() == 0
        if as_root:
            ensure_os_user()
        root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-", dir="/tmp" if as_root else None))
        server = cls(bindir, root, free_port())
        try:
            server.socket_dir.mkdir()
            if as_root:
                shutil.chown(root, OS_USER, OS_USER)
                shutil.chown(server.socket_dir, OS_USER, OS_USER)
            server._run("initdb", "-D", str(server.data), "-U", DB_USER, "--auth=trust", "--encoding=UTF8",
                        "--locale=C", "--no-sync", "--no-instructions")
            for attempt in range(attempts):
                try:
                    server._start(fast)
                    break
                except PgServerError:
                    if attempt == attempts - 1:
                        raise
                    server.port = free_port()  # another process took the port in between
        except BaseException:
            server.remove()
            raise
        return server

    def _start(self, fast: bool) -> None:
        options = [f"-h 127.0.0.1 -p {self.port} -k {self.socket_dir}"]
        if fast:
            options += [f"-c {s}" for s in FAST_SETTINGS]
        self._run("pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data), "-l", str(self.log),
                  "-o", " ".join(options))

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", OS_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgServerError(f"{tool} failed ({done.returncode}): {done.stderr.strip()} {log}".strip())

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{DB_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str) -> None:
        """Run statements in the `postgres` database, outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)

    def create_database(self, name: str) -> str:
        """A new, empty database (dropping one of that name first, with its connections); its URL."""
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))
        finally:
            self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_for(predicate, timeout: float, interval: float = 0.05) -> bool:
    """Poll `predicate` until it is true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
