"""Connections and migrations: the only module that imports DuckDB.

DuckDB lets one process hold a database file for writing, and no other process may open it
meanwhile, not even to read. The dashboard and the CLI are separate processes, so every
store function opens a connection, does one operation (in one transaction when it writes)
and closes it again. On a lock held by another process it waits briefly, then raises
`StoreBusy` with a sentence for the owner.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from compliance.faults import log_fault
from compliance.schema import MIGRATIONS
from etl.model import SaidError

Connection = duckdb.DuckDBPyConnection

LOCK_WAIT_SECONDS = float(os.environ.get("COMPLIANCE_LOCK_WAIT", "10"))
# DuckDB's file lock keeps other processes out, but every connection of this process to
# one file shares one database: the dashboard's sessions take turns writing through this.
_WRITES = threading.RLock()


class StoreBusy(SaidError, RuntimeError):
    """Another process holds the database file: ``StoreBusy("store.busy", path=…)``."""


class StoreError(SaidError, RuntimeError):
    """The database cannot be used as asked: a sentence for the owner from the string
    catalog (``exc.text(lang)``; `str(exc)` is the English)."""


# ------------------------------------------------------------------------- connections
def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


@contextmanager
def _connect(path: Path | str, read_only: bool) -> Iterator[Connection]:
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
            # A long query through a relation (conn.sql) would draw a progress bar on the
            # terminal the CLI prints its report to.
            conn.execute("SET enable_progress_bar = false")
            break
        except duckdb.Error as exc:  # a lock, or no (whole) database at all
            locked = isinstance(exc, duckdb.IOException | duckdb.ConnectionException)
            if not (locked and _is_lock_error(exc)):
                raise StoreError("store.not_a_database", file=Path(path).name) from None
            if time.monotonic() > deadline:
                raise StoreBusy("store.busy", path=str(path)) from None
            time.sleep(0.2)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def in_memory() -> Iterator[Connection]:
    """A connection to a database in memory only: SQL over data handed in (Arrow, pandas),
    never over the file."""
    conn = duckdb.connect(":memory:")
    conn.execute("SET enable_progress_bar = false")
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def writing(path: Path | str) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back on any error."""
    ensure_database(path)
    with _WRITES, _connect(path, read_only=False) as conn:
        conn.execute("BEGIN TRANSACTION")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def reading(path: Path | str) -> Iterator[Connection]:
    """A read-only connection to an existing, migrated database (the one `sharing` opened,
    inside such a block)."""
    shared = _SHARED.get()
    if shared is not None and shared[0] == str(Path(path).resolve()):
        yield shared[1]
        return
    ensure_database(path)
    with _connect(path, read_only=True) as conn:
        yield conn


# The report runs a dozen queries; opening the file costs ~10 ms each time (more on a
# large file), so `sharing` lends one read-only connection to every `reading` in its block.
_SHARED: ContextVar[tuple[str, Connection] | None] = ContextVar("shared_reader", default=None)


@contextmanager
def sharing(path: Path | str) -> Iterator[Connection]:
    """One read-only connection for every `reading(path)` inside the block (this thread)."""
    with reading(path) as conn:
        token = _SHARED.set((str(Path(path).resolve()), conn))
        try:
            yield conn
        finally:
            _SHARED.reset(token)


# ------------------------------------------------------------------------- migrations
def _applied_versions(conn: Connection) -> set[int]:
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()[0][0]
    if not exists:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}


def pending_migrations(path: Path | str) -> list[int]:
    path = Path(path)
    if not path.exists():
        return [v for v, _, _ in MIGRATIONS]
    with _connect(path, read_only=True) as conn:
        done = _applied_versions(conn)
    return [v for v, _, _ in MIGRATIONS if v not in done]


def backup_dir(path: Path) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_database(conn: Connection, path: Path, target: Path) -> Path:
    """Copy the database file whole: checkpoint first (the WAL is folded in), while `conn`
    holds the file's lock so no other process writes during the copy."""
    conn.execute("CHECKPOINT")
    partial = target.with_name(target.name + ".partial")
    shutil.copy2(path, partial)
    os.replace(partial, target)  # a backup is either complete or absent
    return target


def execute_with(
    conn: Connection, data: pa.Table, sql: str, params: Sequence[object] = ()
) -> list[tuple[Any, ...]]:
    """Run `sql`, which reads the Arrow table `data` as `_batch`; its rows."""
    conn.register("_batch", data)
    try:
        return conn.execute(sql, list(params)).fetchall()
    finally:
        conn.unregister("_batch")


def compact(path: Path | str) -> bool:
    """Rewrite the database into a fresh file and swap it in, holding the lock throughout;
    False when that could not be done now (busy, disk full: the next one will).

    DuckDB leaves the blocks of deleted rows (and of an import killed halfway) on disk as
    they were, only unreferenced: data the company promised to delete could still be read
    from the file's bytes. The fresh file holds only what the tables hold. Called after
    what it follows was committed, so a failure here undoes nothing of that.
    """
    path = Path(path)
    if not path.exists():
        return False
    fresh = path.with_name(path.name + ".compacting")
    try:
        fresh.unlink(missing_ok=True)
        with _WRITES, _connect(path, read_only=False) as conn:
            name = conn.execute("SELECT current_database()").fetchall()[0][0]
            conn.execute("CHECKPOINT")
            conn.execute(f"ATTACH '{_quoted(fresh)}' AS _fresh")
            conn.execute(f'COPY FROM DATABASE "{name.replace(chr(34), chr(34) * 2)}" TO _fresh')
            conn.execute("DETACH _fresh")
            os.replace(fresh, path)  # still under the lock: no write lands in between
        return True
    except (StoreBusy, StoreError, OSError, duckdb.Error):
        log_fault(f"the database could not be compacted now ({path.name})")
        return False
    finally:
        fresh.unlink(missing_ok=True)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def forget_migrated(path: Path | str) -> None:
    """After a restore the file may be older: check its migrations again."""
    resolved = str(Path(path).resolve())
    for key in [k for k in _CURRENT if k[0] == resolved]:
        _CURRENT.discard(key)


# Files this process has already brought up to date: saves a connection per query.
_CURRENT: set[tuple[str, int]] = set()


def ensure_database(path: Path | str) -> None:
    """Create the file and apply pending migrations; back an existing file up first."""
    path = Path(path)
    key = (str(path.resolve()), len(MIGRATIONS))
    if key in _CURRENT and path.exists():
        return
    pending = pending_migrations(path)
    if not pending:
        _CURRENT.add(key)
        return
    existed = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _connect(path, read_only=False) as conn:
        if existed:
            # Copy while holding the lock, after a checkpoint, so the copy is whole.
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_database(
                conn, path, backup_dir(path) / f"{path.stem}-before-migration-{stamp}{path.suffix}"
            )
        conn.execute("BEGIN TRANSACTION")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        done = _applied_versions(conn)
        for version, name, sql in sorted(MIGRATIONS):
            if version in done:
                continue
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime.now()]
            )
        if not conn.execute("SELECT count(*) FROM settings WHERE key = 'salt'").fetchall()[0][0]:
            # Per-database salt for identifier hashes: a stolen hash list is useless elsewhere.
            conn.execute("INSERT INTO settings VALUES ('salt', ?)", [secrets.token_hex(16)])
        conn.execute("COMMIT")
    _CURRENT.add(key)


def applied_migrations(path: Path | str) -> list[tuple[int, str]]:
    with reading(path) as conn:
        return conn.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()


# ------------------------------------------------------------------------- helpers
# Results are always read with fetchall(): DuckDB refuses register() on a connection whose
# previous result was not read to the end, and fetchone() leaves it unfinished.
def next_id(conn: Connection, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchall()[0][0]


def append_audit(
    conn: Connection, actor: str, action: str, detail: dict[str, Any], at: datetime
) -> None:
    conn.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)",
        [next_id(conn, "audit_log"), at, actor, action, json.dumps(detail, default=str)],
    )


def database_salt(conn: Connection) -> str:
    return conn.execute("SELECT value FROM settings WHERE key = 'salt'").fetchall()[0][0]


def is_imported(path: Path | str, sha256: str) -> bool:
    """True when a file with these exact bytes was imported before."""
    if not Path(path).exists():
        return False
    with reading(path) as conn:
        return bool(
            conn.execute(
                "SELECT count(*) FROM imports WHERE sha256 = ? AND status = 'imported'", [sha256]
            ).fetchall()[0][0]
        )


def has_data(path: Path | str) -> bool:
    if not Path(path).exists():
        return False
    with reading(path) as conn:
        return bool(conn.execute("SELECT count(*) FROM imports").fetchall()[0][0])


def frame(
    conn: Connection, sql: str, params: list[Any] | dict[str, Any] | None = None
) -> pd.DataFrame:
    """A query's result as a DataFrame."""
    return conn.execute(sql, params or []).df()
