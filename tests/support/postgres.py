"""A throw-away PostgreSQL cluster for tests: private data directory in /tmp, its own port, trust auth.

Started once per test session (``postgres_cluster`` fixture in tests/conftest.py) and stopped at the
end. Tests run it with ``fsync=off`` (a test's data is thrown away, and a crash of the test machine loses
nothing worth keeping); benchmarks start it with ``durable=True`` — PostgreSQL's own defaults, ``fsync=on``
and ``synchronous_commit=on``, as a clinic's hub runs — and report ``fsync=off`` only beside it, labelled
(docs/benchmarks.md). Every test that wants a database asks ``create_database()`` for a fresh, empty one.
When the PostgreSQL binaries are missing, PostgreSQL tests are skipped with a clear reason locally,
and fail in CI (``CI=true``), where scripts/setup.sh --test installs them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _find_bin() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in
                        p.split("/")[-2].split(".") if x.isdigit()])
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresCluster:
    bindir: Path
    root: Path
    port: int
    user: str = "app"

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the server tools as the postgres user.
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    @classmethod
    def start(cls, *, durable: bool = False) -> PostgresCluster:
        """``durable=False`` (tests): ``fsync=off``; ``durable=True``: the server's default durability."""
        bindir = _find_bin()
        root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(root, pw.pw_uid, pw.pw_gid)
        cluster = cls(bindir=bindir, root=root, port=_free_port())
        try:
            cluster._run(str(bindir / "initdb"), "-D", str(cluster.datadir), "-U", cluster.user,
                         "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
            durability = "" if durable else "-c fsync=off "
            cluster._run(str(bindir / "pg_ctl"), "-D", str(cluster.datadir), "-l", str(root / "log"), "-w",
                         "-o", f"-p {cluster.port} -k {root} -c listen_addresses=127.0.0.1 {durability}"
                               "-c max_connections=200",
                         "start")
        except subprocess.CalledProcessError as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise PostgresUnavailable(f"could not start PostgreSQL: {exc.stderr or exc.stdout}") from exc
        return cluster

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def settings(self, *names: str) -> dict[str, str]:
        """The running server's values of the named settings (``SHOW``), e.g. fsync, synchronous_commit."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as conn:
            return {name: str(conn.execute(f"SHOW {name}").fetchone()[0]) for name in names}  # type: ignore[index]

    def create_database(self, prefix: str = "t") -> str:
        """Create a new empty database and return its SQLAlchemy URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
