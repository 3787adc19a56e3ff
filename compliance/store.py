"""The only module that talks to DuckDB.

DuckDB lets one process hold a database file for writing, and no other process may open it
meanwhile, not even to read. The dashboard and the CLI are separate processes, so every
function here opens a connection, does one operation (in one transaction when it writes)
and closes it again. On a lock held by another process it waits briefly, then raises
`StoreBusy` with a sentence for the owner.

    >>> result = load_export("data/compliance.duckdb", parsed, "relaties.csv", sha, "owner", now)
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from compliance.linking import LinkIndex, identifiers_of, link
from compliance.schema import MIGRATIONS
from etl.model import ParsedExport

# How long to wait for another process to finish with the file before saying so.
LOCK_WAIT_SECONDS = float(os.environ.get("COMPLIANCE_LOCK_WAIT", "10"))


class StoreBusy(RuntimeError):
    """Another process holds the database file."""


class StoreError(RuntimeError):
    """The database cannot be used as asked; the message is a sentence for the owner."""


# ------------------------------------------------------------------------- connections
def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


@contextmanager
def _connect(path: Path | str, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_error(exc):
                raise StoreError(
                    f"The database {path} cannot be opened ({exc.__class__.__name__}); "
                    "restore it from a backup or move it aside."
                ) from None
            if time.monotonic() > deadline:
                raise StoreBusy(
                    f"Another import is using the database {path}; wait until it has "
                    "finished and try again."
                ) from None
            time.sleep(0.2)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def writing(path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """One write transaction: committed when the block ends, rolled back on any error."""
    ensure_database(path)
    with _connect(path, read_only=False) as conn:
        conn.execute("BEGIN TRANSACTION")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def reading(path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to an existing, migrated database."""
    ensure_database(path)
    with _connect(path, read_only=True) as conn:
        yield conn


# ------------------------------------------------------------------------- migrations
def _applied_versions(conn: duckdb.DuckDBPyConnection) -> set[int]:
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
    if path.exists():
        backup_dir = path.parent / "backups"
        backup_dir.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        shutil.copy2(path, backup_dir / f"{path.stem}-before-migration-{stamp}{path.suffix}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _connect(path, read_only=False) as conn:
        conn.execute("BEGIN TRANSACTION")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        done = _applied_versions(conn)
        for version, name, sql in MIGRATIONS:
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
def _next_id(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchall()[0][0]


def _audit(
    conn: duckdb.DuckDBPyConnection, actor: str, action: str, detail: dict[str, Any], at: datetime
) -> None:
    conn.execute(
        "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)",
        [_next_id(conn, "audit_log"), at, actor, action, json.dumps(detail, default=str)],
    )


def _salt(conn: duckdb.DuckDBPyConnection) -> str:
    return conn.execute("SELECT value FROM settings WHERE key = 'salt'").fetchall()[0][0]


def _link_index(conn: duckdb.DuckDBPyConnection) -> LinkIndex:
    known = {
        (k, v): s
        for k, v, s in conn.execute(
            "SELECT kind, value, subject_id FROM subject_identifiers"
        ).fetchall()
    }
    by_ref = {
        (src, ref): s
        for src, ref, s in conn.execute(
            "SELECT source, ref, subject_id FROM source_subjects"
        ).fetchall()
    }
    return LinkIndex(known=known, by_source_ref=by_ref, next_id=_next_id(conn, "subjects"))


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


# ------------------------------------------------------------------------- imports
@dataclass(frozen=True)
class ImportResult:
    import_id: int | None
    source: str
    kind: str
    file_name: str
    rows_read: int
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    rows_skipped: int
    subjects_new: int
    already_imported: bool = False


def load_export(
    path: Path | str,
    parsed: ParsedExport,
    file_name: str,
    sha256: str,
    actor: str,
    now: datetime,
) -> ImportResult:
    """Load one parsed file in ONE transaction: subjects, records, invoices, import, audit.

    Importing the same bytes again changes nothing and says so.
    """
    if is_imported(path, sha256):
        return ImportResult(
            None,
            parsed.source,
            parsed.kind,
            file_name,
            parsed.rows_read,
            0,
            0,
            0,
            parsed.skipped,
            0,
            already_imported=True,
        )
    today = now.date()
    with writing(path) as conn:
        import_id = _next_id(conn, "imports")
        salt = _salt(conn)
        index = _link_index(conn)
        first_new_subject = index.next_id

        # Link every relation of the file to a subject.
        ref_to_subject: dict[str, int] = {}
        subject_rows = []
        for row in parsed.subjects:
            ids = identifiers_of(row.name, row.kvk, row.emails, row.iban, row.is_company, salt)
            subject_id, _how = link(index, parsed.source, row.ref, ids)
            ref_to_subject[row.ref] = subject_id
            subject_rows.append(
                {
                    "source": parsed.source,
                    "ref": row.ref,
                    "subject_id": subject_id,
                    "name": row.name,
                    "kvk": row.kvk,
                    "is_company": row.is_company,
                    "inactive": row.inactive,
                    "added_on": row.added_on,
                    "modified_on": row.modified_on,
                }
            )
        known_refs = dict(index.by_source_ref)

        def subject_of(ref: str) -> int | None:
            return ref_to_subject.get(ref) or known_refs.get((parsed.source, ref))

        new_subjects = [r for r in subject_rows if r["subject_id"] >= first_new_subject]
        if new_subjects:
            df = pd.DataFrame(new_subjects).drop_duplicates("subject_id")
            df["created_at"] = now
            df["import_id"] = import_id
            conn.register("new_subjects", df)
            conn.execute(
                "INSERT INTO subjects SELECT subject_id, name, kvk, is_company, created_at, "
                "import_id FROM new_subjects"
            )
            conn.unregister("new_subjects")
        if index.added:
            ids_df = pd.DataFrame(index.added, columns=["kind", "value", "subject_id"])
            ids_df["source"] = parsed.source
            conn.register("new_ids", ids_df)
            conn.execute(
                "INSERT INTO subject_identifiers SELECT kind, value, subject_id, source "
                "FROM new_ids ON CONFLICT DO NOTHING"
            )
            conn.unregister("new_ids")
        if subject_rows:
            ss = pd.DataFrame(subject_rows).drop_duplicates("ref", keep="last")
            ss["import_id"] = import_id
            conn.register("ss", ss)
            conn.execute("""
                INSERT INTO source_subjects
                SELECT source, ref, subject_id, name, coalesce(inactive, false), added_on,
                       modified_on, import_id, import_id FROM ss
                ON CONFLICT (source, ref) DO UPDATE SET
                    name = excluded.name, inactive = excluded.inactive,
                    added_on = excluded.added_on, modified_on = excluded.modified_on,
                    last_import_id = excluded.last_import_id
            """)
            conn.unregister("ss")

        counts = _load_records(conn, parsed, subject_of, import_id, today)
        for key, value in _load_invoices(conn, parsed, import_id).items():
            counts[key] += value

        warnings = list(parsed.warnings)
        conn.execute(
            "INSERT INTO imports VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', NULL, ?, ?, ?)",
            [
                import_id,
                parsed.source,
                parsed.kind,
                file_name,
                sha256,
                parsed.rows_read,
                counts["new"],
                counts["changed"],
                counts["unchanged"],
                parsed.skipped,
                warnings,
                actor,
                now,
                datetime.now(),
            ],
        )
        _audit(
            conn,
            actor,
            "import",
            {
                "import_id": import_id,
                "file": file_name,
                "source": parsed.source,
                "kind": parsed.kind,
                "sha256": sha256,
                **counts,
            },
            now,
        )
        subjects_new = index.next_id - first_new_subject
    return ImportResult(
        import_id,
        parsed.source,
        parsed.kind,
        file_name,
        parsed.rows_read,
        counts["new"],
        counts["changed"],
        counts["unchanged"],
        parsed.skipped,
        subjects_new,
    )


def _load_records(
    conn, parsed: ParsedExport, subject_of, import_id: int, today: date
) -> dict[str, int]:
    rows = []
    for rec in parsed.records:
        subject_id = subject_of(rec.subject_ref)
        if subject_id is None:
            continue
        rows.append(
            {
                "subject_id": subject_id,
                "category": rec.category,
                "source": parsed.source,
                "ref": rec.ref,
                "fields": sorted(set(rec.fields)),
                "basis": rec.basis,
                "detail": rec.detail,
                "source_date": rec.seen_on,
                "clock_start": rec.clock_start,
            }
        )
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    if not rows:
        return counts
    df = pd.DataFrame(rows).drop_duplicates(["category", "ref"], keep="last")
    for col in ("source_date", "clock_start"):
        df[col] = pd.to_datetime(df[col]).dt.date
    conn.register("incoming", df)
    # Classify before writing, so the import log says what really changed.
    new, changed = conn.execute("""
        SELECT count(*) FILTER (WHERE r.id IS NULL),
               count(*) FILTER (WHERE r.id IS NOT NULL AND (
                   r.fields IS DISTINCT FROM i.fields::VARCHAR[] OR r.basis IS DISTINCT FROM i.basis
                   OR r.detail IS DISTINCT FROM i.detail
                   OR r.source_date IS DISTINCT FROM i.source_date
                   OR r.subject_id IS DISTINCT FROM i.subject_id))
        FROM incoming i LEFT JOIN records r
          ON r.source = i.source AND r.category = i.category AND r.ref = i.ref
    """).fetchall()[0]
    counts.update(new=new, changed=changed, unchanged=len(df) - new - changed)
    start = _next_id(conn, "records")
    conn.execute(
        """
        INSERT INTO records
        SELECT ? + row_number() OVER () - 1, subject_id, category, source, ref,
               fields::VARCHAR[], basis, coalesce(detail, ''), source_date, ?, ?, clock_start,
               NULL, NULL, NULL, ?, ?
        FROM incoming
        ON CONFLICT (source, category, ref) DO UPDATE SET
            subject_id = excluded.subject_id, fields = excluded.fields, basis = excluded.basis,
            detail = excluded.detail,
            source_date = greatest(records.source_date, excluded.source_date),
            clock_start = coalesce(excluded.clock_start, records.clock_start),
            last_seen = excluded.last_seen, last_import_id = excluded.last_import_id
    """,
        [start, today, today, import_id, import_id],
    )
    conn.unregister("incoming")
    return counts


def _load_invoices(conn, parsed: ParsedExport, import_id: int) -> dict[str, int]:
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    if not parsed.invoices:
        return counts
    df = pd.DataFrame(
        [(parsed.source, inv.number, inv.subject_ref, inv.invoice_date) for inv in parsed.invoices],
        columns=["source", "number", "relation_ref", "invoice_date"],
    ).drop_duplicates("number", keep="last")
    df["invoice_date"] = pd.to_datetime(df["invoice_date"]).dt.date
    df["import_id"] = import_id
    conn.register("inv", df)
    new, changed = conn.execute("""
        SELECT count(*) FILTER (WHERE v.number IS NULL),
               count(*) FILTER (WHERE v.number IS NOT NULL AND (
                   v.relation_ref <> i.relation_ref OR v.invoice_date <> i.invoice_date))
        FROM inv i LEFT JOIN invoices v ON v.source = i.source AND v.number = i.number
    """).fetchall()[0]
    counts.update(new=new, changed=changed, unchanged=len(df) - new - changed)
    conn.execute("""
        INSERT INTO invoices SELECT source, number, relation_ref, invoice_date, import_id FROM inv
        ON CONFLICT (source, number) DO UPDATE SET
            relation_ref = excluded.relation_ref, invoice_date = excluded.invoice_date
    """)
    conn.unregister("inv")
    return counts


# ------------------------------------------------------------------------- requests
def _find_subject(conn, kvk: str | None, email: str | None, name: str | None) -> int | None:
    """The subject a written request comes from, by KvK, then e-mail, then company name."""
    from compliance.identity import normalise_name

    for kind, value in (
        ("kvk", kvk),
        ("email", email and email.lower()),
        ("name", normalise_name(name) if name else None),
    ):
        if value:
            row = conn.execute(
                "SELECT subject_id FROM subject_identifiers WHERE kind = ? AND value = ?",
                [kind, value],
            ).fetchall()
            if row:
                return row[0][0]
    return None


def add_request(
    path: Path | str,
    *,
    type: str,
    received_on: date,
    channel: str,
    actor: str,
    now: datetime,
    name: str | None = None,
    email: str | None = None,
    kvk: str | None = None,
    answered_on: date | None = None,
    source: str = "manual",
    source_ref: str | None = None,
) -> tuple[int, int]:
    """Record a written request; returns (request id, subject id).

    A request from someone not yet known creates a subject (source `manual`), because the
    letter itself is personal data the register must show.
    """
    with writing(path) as conn:
        if source_ref is not None:
            # The same letter or message entered twice is one request.
            row = conn.execute(
                "SELECT id, subject_id FROM requests WHERE source = ? AND source_ref = ?",
                [source, source_ref],
            ).fetchall()
            if row:
                return row[0][0], row[0][1]
        subject_id = _find_subject(conn, kvk, email, name)
        if subject_id is None:
            subject_id = _next_id(conn, "subjects")
            display = name or email or kvk or "?"
            conn.execute(
                "INSERT INTO subjects VALUES (?, ?, ?, NULL, ?, NULL)",
                [subject_id, display, kvk, now],
            )
            conn.execute(
                "INSERT INTO source_subjects VALUES ('manual', ?, ?, ?, false, ?, NULL, 0, 0)",
                [f"subject-{subject_id}", subject_id, display, received_on],
            )
            for kind, value in (("kvk", kvk), ("email", email and email.lower())):
                if value:
                    conn.execute(
                        "INSERT INTO subject_identifiers VALUES (?, ?, ?, 'manual') "
                        "ON CONFLICT DO NOTHING",
                        [kind, value, subject_id],
                    )
        request_id = _next_id(conn, "requests")
        conn.execute(
            "INSERT INTO requests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)",
            [
                request_id,
                type,
                subject_id,
                name,
                email and email.lower(),
                kvk,
                channel,
                received_on,
                answered_on,
                source,
                source_ref,
                now,
                actor,
            ],
        )
        _audit(
            conn,
            actor,
            "request_add",
            {
                "request_id": request_id,
                "type": type,
                "subject_id": subject_id,
                "received_on": received_on,
                "channel": channel,
                "answered_on": answered_on,
            },
            now,
        )
    return request_id, subject_id


def mark_request_answered(
    path: Path | str, request_id: int, answered_on: date, actor: str, now: datetime
) -> None:
    with writing(path) as conn:
        found = conn.execute("SELECT count(*) FROM requests WHERE id = ?", [request_id]).fetchall()[
            0
        ]
        if not found[0]:
            raise StoreError(f"There is no request number {request_id}.")
        conn.execute("UPDATE requests SET answered_on = ? WHERE id = ?", [answered_on, request_id])
        _audit(
            conn,
            actor,
            "request_answered",
            {"request_id": request_id, "answered_on": answered_on},
            now,
        )


# ------------------------------------------------------------------------- deletions
def mark_deleted(
    path: Path | str,
    *,
    subject_id: int,
    category: str,
    source: str,
    deleted_on: date,
    evidence: str,
    actor: str,
    now: datetime,
) -> int:
    """Record that the data of one subject × category × source was deleted; returns rows."""
    if not evidence.strip():
        raise StoreError("Say how the data was deleted (the evidence) before marking it done.")
    with writing(path) as conn:
        count = conn.execute(
            "SELECT count(*) FROM records WHERE subject_id = ? AND category = ? AND source = ? "
            "AND deleted_on IS NULL",
            [subject_id, category, source],
        ).fetchall()[0][0]
        if not count:
            raise StoreError("Nothing left to delete for that subject, category and system.")
        conn.execute(
            "UPDATE records SET deleted_on = ?, deleted_by = ?, deletion_evidence = ? "
            "WHERE subject_id = ? AND category = ? AND source = ? AND deleted_on IS NULL",
            [deleted_on, actor, evidence.strip(), subject_id, category, source],
        )
        _audit(
            conn,
            actor,
            "deletion_marked",
            {
                "subject_id": subject_id,
                "category": category,
                "source": source,
                "deleted_on": deleted_on,
                "records": count,
                "evidence": evidence.strip(),
            },
            now,
        )
    return count


# ------------------------------------------------------------------------- queries
def _frame(conn, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    return conn.execute(sql, params or []).df()


def last_change_id(path: Path | str) -> int:
    """A number that grows with every write: the dashboard's cache key."""
    if not Path(path).exists():
        return 0
    with reading(path) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchall()[0][0]


def subjects(path: Path | str) -> pd.DataFrame:
    """id, name, kvk, emails (list), sources (list)."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT s.id, s.name, s.kvk,
                   coalesce(list_sort(list(DISTINCT i.value) FILTER (WHERE i.kind = 'email')),
                            []::VARCHAR[]) AS emails,
                   coalesce((SELECT list_sort(list(DISTINCT ss.source)) FROM source_subjects ss
                             WHERE ss.subject_id = s.id), []::VARCHAR[]) AS sources
            FROM subjects s LEFT JOIN subject_identifiers i ON i.subject_id = s.id
            GROUP BY s.id, s.name, s.kvk ORDER BY s.id
        """,
        )


def subject_activity(path: Path | str, as_of: date) -> pd.DataFrame:
    """Per subject: invoices up to as_of, latest contact date, inactive flag, termination."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            WITH inv AS (
                SELECT ss.subject_id, min(v.invoice_date) AS first_invoice,
                       max(v.invoice_date) AS last_invoice, count(*) AS invoices
                FROM invoices v JOIN source_subjects ss
                  ON ss.source = v.source AND ss.ref = v.relation_ref
                WHERE v.invoice_date <= $as_of GROUP BY ss.subject_id),
            term AS (
                SELECT subject_id, min(received_on) AS terminated_on FROM requests
                WHERE type = 'termination' AND received_on <= $as_of GROUP BY subject_id),
            contact AS (
                SELECT subject_id, max(d) AS last_contact FROM (
                    SELECT subject_id, coalesce(source_date, first_seen) AS d FROM records
                    UNION ALL
                    SELECT subject_id, greatest(coalesce(added_on, DATE '1900-01-01'),
                                                coalesce(modified_on, DATE '1900-01-01'))
                    FROM source_subjects
                    UNION ALL
                    SELECT subject_id, received_on FROM requests)
                WHERE d <= $as_of AND d > DATE '1900-01-01' GROUP BY subject_id),
            flags AS (
                SELECT subject_id, bool_and(inactive) AS inactive FROM source_subjects
                GROUP BY subject_id)
            SELECT s.id AS subject_id, inv.first_invoice, inv.last_invoice,
                   coalesce(inv.invoices, 0) AS invoices, term.terminated_on,
                   contact.last_contact, coalesce(flags.inactive, false) AS inactive
            FROM subjects s LEFT JOIN inv ON inv.subject_id = s.id
            LEFT JOIN term ON term.subject_id = s.id
            LEFT JOIN contact ON contact.subject_id = s.id
            LEFT JOIN flags ON flags.subject_id = s.id
            ORDER BY s.id
        """,
            {"as_of": as_of},
        )


def invoice_count(path: Path | str) -> int:
    with reading(path) as conn:
        return conn.execute("SELECT count(*) FROM invoices").fetchall()[0][0]


def record_groups(path: Path | str) -> pd.DataFrame:
    """Records per subject × category × source × basis, with what deletion needs."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT subject_id, category, source, basis,
                   count(*) AS records,
                   count(*) FILTER (WHERE deleted_on IS NULL) AS present,
                   max(deleted_on) AS deleted_on,
                   min(clock_start) AS clock_start,
                   max(coalesce(source_date, first_seen)) AS last_seen
            FROM records GROUP BY ALL ORDER BY subject_id, category, source, basis
        """,
        )


def inventory(path: Path | str) -> pd.DataFrame:
    """Present (not deleted) records per category and source: subjects and records."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT category, source, count(DISTINCT subject_id) AS subjects, count(*) AS records
            FROM records WHERE deleted_on IS NULL GROUP BY ALL ORDER BY category, source
        """,
        )


def subject_records(path: Path | str, subject_id: int) -> pd.DataFrame:
    """Every record about one subject across systems (what an access request needs)."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT r.category, r.source, r.ref, r.fields, r.basis, r.detail, r.source_date,
                   r.first_seen, r.last_seen, r.deleted_on, r.deleted_by, r.deletion_evidence
            FROM records r WHERE r.subject_id = ? ORDER BY r.category, r.source, r.ref
        """,
            [subject_id],
        )


def subject_invoices(path: Path | str, subject_id: int) -> pd.DataFrame:
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT v.source, v.number, v.invoice_date FROM invoices v
            JOIN source_subjects ss ON ss.source = v.source AND ss.ref = v.relation_ref
            WHERE ss.subject_id = ? ORDER BY v.invoice_date DESC
        """,
            [subject_id],
        )


def requests(path: Path | str) -> pd.DataFrame:
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT id, type, subject_id, name, email, kvk, channel, received_on, answered_on,
                   extended, source FROM requests ORDER BY received_on, id
        """,
        )


def imports(path: Path | str) -> pd.DataFrame:
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT id, source, kind, file_name, sha256, rows_read, rows_new, rows_changed,
                   rows_unchanged, rows_skipped, status, actor, started_at, finished_at
            FROM imports ORDER BY id DESC
        """,
        )


def audit_log(path: Path | str, limit: int = 500) -> pd.DataFrame:
    with reading(path) as conn:
        return _frame(
            conn,
            'SELECT id, "at", actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?',
            [limit],
        )
