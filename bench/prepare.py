"""The database the report, workbook and page steps read: every generated file imported
with our own import, then written terminations, as the owner's data would be after years.

Built once per size and kept (bench/out/<size>/bench.duckdb) while the generated files and
PREPARED stay the same. Also pickles the snapshot the workbook steps write from: its large
sheets (deletions, findings) cut or repeated to a tenth of the relations (100k rows at L).

The owner's case (`prepare_owner`): the same database after a changed relaties export was
imported into it (bench-filled.duckdb, what the second changed export is imported into), and
two small databases, 2,000 relations and 200 or 2,000 vault items that name nobody
(owner-200.duckdb, owner-2000.duckdb), that a 50-line invoice file is imported into.
"""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

from bench import generate
from bench.steps import AS_OF, NOW

PREPARED = 3  # bump when the database built here changes
OWNER_PREPARED = 3  # bump when the owner's-case databases built here change
ORDER = ("relaties", "facturen", "snelstart", "xaf", "mbox")


def folder_of(size: str) -> Path:
    return generate.OUT / size


def relations_of(size: str) -> int:
    return generate.SIZES.get(size) or int(size.lower().removeprefix("n"))


def prepare(size: str) -> Path:
    """Generated files and the bench database for one size; returns the folder."""
    folder = folder_of(size)
    files = generate.ensure(folder, relations_of(size))
    db = folder / "bench.duckdb"
    stamp = folder / ".prepared"
    key = f"{PREPARED} {(folder / '.generated').read_text()}"
    if not (db.exists() and stamp.exists() and stamp.read_text() == key):
        _bench_database(folder, files, relations_of(size), key)
    prepare_owner(folder, relations_of(size), key)
    return folder


def _bench_database(folder: Path, files: dict[str, Path], n: int, key: str) -> None:
    db = folder / "bench.duckdb"
    from compliance import store
    from compliance.importing import import_file
    from compliance.policy import load_policy
    from compliance.report import build_snapshot

    imported = folder / ".imported"  # the slow part, kept when only a later part failed
    if not (db.exists() and imported.exists() and imported.read_text() == key):
        for p in (db, db.with_suffix(".duckdb.wal")):
            p.unlink(missing_ok=True)
        for name in ORDER:
            import_file(db, files[name], actor="bench", now=NOW)
        imported.write_text(key)
    with store.writing(db) as conn:
        conn.execute("DELETE FROM requests WHERE created_by = 'bench'")
        # One subject in twenty terminated in writing (2019-2026): former clients whose
        # clocks run, as `request add --type termination` records them.
        conn.execute(
            """
            INSERT INTO requests (id, type, subject_id, name, email, kvk, channel,
                                  received_on, answered_on, extended, source, source_ref,
                                  created_at, created_by)
            SELECT (SELECT coalesce(max(id), 0) FROM requests) + row_number() OVER (ORDER BY id),
                   'termination', id, name, NULL, kvk, 'post',
                   DATE '2019-01-01' + CAST(id::BIGINT * 7919 % 2870 AS INTEGER), NULL, false,
                   'manual', NULL, ?, 'bench'
            FROM subjects WHERE id % 20 = 0
        """,
            [NOW],
        )
    snap = build_snapshot(db, load_policy(), AS_OF)
    rows = max(n // 10, 1)
    deletions = snap.deletions.sample(n=rows, replace=len(snap.deletions) < rows, random_state=1)
    findings = list(snap.findings)
    findings = (findings * (rows // max(len(findings), 1) + 1))[:rows]
    cut = type(snap)(
        snap.as_of,
        snap.subjects,
        snap.inventory,
        deletions.reset_index(drop=True),
        snap.requests,
        findings,
    )
    with (folder / "workbook-snapshot.pkl").open("wb") as fh:
        pickle.dump(cut, fh, protocol=pickle.HIGHEST_PROTOCOL)
    (folder / ".prepared").write_text(key)


def owner_databases(folder: Path) -> dict[str, Path]:
    return {
        "filled": folder / "bench-filled.duckdb",
        "vault 200": folder / "owner-200.duckdb",
        "vault 2000": folder / "owner-2000.duckdb",
    }


def prepare_owner(folder: Path, n: int, key: str) -> dict[str, Path]:
    """The owner's-case files and the databases they are imported into (built once, kept
    while the bench database's `key` and the files stay the same)."""
    files = generate.ensure_owner(folder, n)
    dbs = owner_databases(folder)
    stamp = folder / ".prepared-owner"
    key = f"{OWNER_PREPARED} {key} {(folder / '.generated-owner').read_text()}"
    if stamp.exists() and stamp.read_text() == key and all(p.exists() for p in dbs.values()):
        return dbs
    from compliance import store
    from compliance.importing import import_file

    for db in dbs.values():
        for p in (db, db.with_suffix(".duckdb.wal")):
            p.unlink(missing_ok=True)
    copy_database(folder / "bench.duckdb", dbs["filled"])
    import_file(dbs["filled"], files["relaties changed"], actor="bench", now=NOW)
    for items in ("200", "2000"):
        db = dbs[f"vault {items}"]
        store.ensure_database(db)
        import_file(db, files["relaties 2000"], actor="bench", now=NOW)
        import_file(db, files[f"vault {items}"], actor="bench", now=NOW)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    stamp.write_text(key)
    return dbs


def copy_database(source: Path, target: Path) -> Path:
    """A closed database file copied whole (and its WAL, should one be left)."""
    for p in (target, target.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
    shutil.copy(source, target)
    wal = source.with_suffix(".duckdb.wal")
    if wal.exists():
        shutil.copy(wal, target.with_suffix(".duckdb.wal"))
    return target


if __name__ == "__main__":
    prepare(sys.argv[1])
