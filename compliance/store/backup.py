"""Backups of the database file and restoring one.

A backup is a whole copy of the file, taken after a checkpoint while holding the file's
lock, under data/backups/. Restoring first backs up the current file, then puts the chosen
backup in its place and brings it up to the current schema.

    >>> backup("data/compliance.duckdb", actor="owner", now=datetime.now())
    PosixPath('data/backups/compliance-20261125-101500.duckdb')
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from compliance.schema import MIGRATIONS
from compliance.store.connection import (
    StoreError,
    _applied_versions,
    _connect,
    append_audit,
    backup_dir,
    compact,
    copy_database,
    ensure_database,
    forget_migrated,
    writing,
)


def backup(path: Path | str, *, actor: str, now: datetime, target: Path | None = None) -> Path:
    """Copy the database to `target` (default data/backups/<name>-<timestamp>.duckdb)."""
    path = Path(path)
    if not path.exists():
        raise StoreError("store.no_database_to_back_up", path=str(path))
    if target is not None and not target.parent.is_dir():
        raise StoreError("store.no_backup_folder", folder=str(target.parent))
    ensure_database(path)
    compact(path)  # what a killed import or a deletion left in freed blocks is not copied
    target = target or backup_dir(path) / f"{path.stem}-{now:%Y%m%d-%H%M%S}{path.suffix}"
    with _connect(path, read_only=False) as conn:
        copy_database(conn, path, target)
    # Logged once the copy is complete (the audit log holds only backups that exist), in
    # the copy too: restored, it still shows when it was made.
    for db in (path, target):
        with writing(db) as conn:
            append_audit(conn, actor, "backup", {"file": str(target)}, now)
    return target


def _check_backup(source: Path) -> None:
    """Refuse anything that is not a database of this dashboard from this or an older version."""
    if not source.is_file():
        raise StoreError("store.no_such_backup", file=source.name)
    try:
        with _connect(source, read_only=True) as conn:
            versions = _applied_versions(conn)
    except StoreError:
        versions = set()
    if not versions:
        raise StoreError("store.not_a_backup", file=source.name)
    unknown = versions - {v for v, _, _ in MIGRATIONS}
    if unknown:
        raise StoreError("store.backup_too_new", file=source.name)


def restore(path: Path | str, source: Path | str, *, actor: str, now: datetime) -> Path | None:
    """Replace the database by `source`; returns the backup made of the current file."""
    path, source = Path(path), Path(source)
    _check_backup(source)
    if path.resolve() == source.resolve():
        raise StoreError("store.backup_is_database")
    saved = None
    staged = path.with_name(path.name + ".restoring")
    try:
        shutil.copy2(source, staged)
        if path.exists():
            # Hold the lock while saving the current file, so no import is half in the copy.
            with _connect(path, read_only=False) as conn:
                saved = copy_database(
                    conn,
                    path,
                    backup_dir(path)
                    / f"{path.stem}-before-restore-{now:%Y%m%d-%H%M%S}{path.suffix}",
                )
        wal = path.with_name(path.name + ".wal")
        if wal.exists():  # never replay the replaced file's log onto the backup
            wal.unlink()
        os.replace(staged, path)
    finally:
        staged.unlink(missing_ok=True)  # refused (busy, say): no copy left beside it
    forget_migrated(path)
    ensure_database(path)
    with writing(path) as conn:
        append_audit(conn, actor, "restore", {"from": str(source), "saved_as": str(saved)}, now)
    return saved
