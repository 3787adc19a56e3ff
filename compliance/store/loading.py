"""Loading one parsed export in one transaction: subjects, records, invoices, import row
and audit entry, or nothing at all."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from compliance.store.access import is_newer_observation, load_access
from compliance.store.bulk_load import load_records, load_subjects
from compliance.store.connection import (
    append_audit,
    database_salt,
    execute_with,
    is_imported,
    next_id,
    reading,
    writing,
)
from compliance.store.messages import load_messages
from compliance.store.redaction import detect_reappearances
from compliance.store.website import load_observations
from etl.arrow_rows import INVOICES, InvoiceColumns, columns_of
from etl.model import InvoiceRow, ParsedExport, Said


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
    secrets_dropped: int = 0  # vault exports: secret fields discarded while parsing
    access_linked: int = 0  # access entries of this file linked to a subject
    access_unlinked: int = 0  # ... and those waiting for the owner (Toegang page)
    access_gone: int = 0  # entries a newer complete list no longer holds
    reappeared: int = 0  # records this import brought back after they were deleted
    warnings: tuple[Said, ...] = ()  # the file's warnings, shown in the reader's language


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
    # A complete list (a firewall) imported again after a newer one is news, not a repeat.
    if is_imported(path, sha256) and not is_newer_observation(path, parsed, sha256):
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
            secrets_dropped=parsed.secrets_dropped,
        )
    today = now.date()
    with writing(path) as conn:
        import_id = next_id(conn, "imports")
        salt = database_salt(conn)
        subjects_new = load_subjects(conn, parsed, salt, import_id, now)
        counts = load_records(conn, parsed, import_id, today)
        reappeared = detect_reappearances(conn, import_id, now)
        for key, value in _load_invoices(conn, parsed, import_id).items():
            counts[key] += value
        if parsed.messages:  # a mailbox export: messages, the requests they are, answers
            counts.update(load_messages(conn, parsed, import_id, actor, now))
        if parsed.observations:  # website evidence: cookies, trackers, settings at a date
            counts.update(load_observations(conn, parsed, import_id, file_name, actor, now))
        # Access entries (TransIP, vault, DSD); after any import, entries are linked again.
        access = load_access(conn, parsed, import_id, actor, now, sha256)
        if parsed.access or parsed.scopes:
            counts.update(access)

        # Each warning as its catalog key and values (JSON), never as a sentence in one
        # language: `warning_of` makes it a `Said` again.
        warnings = [json.dumps(w.as_dict(), ensure_ascii=False) for w in parsed.warnings]
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
        append_audit(
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
                "reappeared": reappeared,
            },
            now,
        )
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
        secrets_dropped=parsed.secrets_dropped,
        access_linked=access["linked"],
        access_unlinked=access["unlinked"],
        access_gone=access["gone"],
        reappeared=reappeared,
        warnings=tuple(parsed.warnings),
    )


def warning_of(stored: str) -> Said:
    """A warning as `imports.warnings` keeps it (JSON of key and values), as a `Said`; one
    stored before warnings were kept so (an English sentence) is shown as it was written."""
    try:
        data = json.loads(stored)
    except ValueError:
        data = None
    if not isinstance(data, dict) or "key" not in data:
        return Said("warning.stored_text", text=stored)
    return Said.from_dict(data)


def import_warnings(path: Path | str, import_id: int) -> tuple[Said, ...]:
    """The warnings of one import, to be shown in the reader's language."""
    with reading(path) as conn:
        rows = conn.execute("SELECT warnings FROM imports WHERE id = ?", [import_id]).fetchall()
    return tuple(warning_of(w) for w in rows[0][0]) if rows else ()


def _load_invoices(conn, parsed: ParsedExport, import_id: int) -> dict[str, int]:
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    if not parsed.invoices:
        return counts
    table = _invoice_table(parsed.invoices)
    new, changed = execute_with(
        conn,
        table,
        """
        SELECT count(*) FILTER (WHERE v.number IS NULL),
               count(*) FILTER (WHERE v.number IS NOT NULL AND (
                   v.relation_ref <> i.subject_ref OR v.invoice_date <> i.invoice_date))
        FROM _batch i LEFT JOIN invoices v ON v.source = ? AND v.number = i.number
        """,
        [parsed.source],
    )[0]
    counts.update(new=new, changed=changed, unchanged=table.num_rows - new - changed)
    if new < table.num_rows:  # known numbers: their relation and date
        execute_with(
            conn,
            table,
            """
            UPDATE invoices SET relation_ref = b.subject_ref, invoice_date = b.invoice_date
            FROM _batch b WHERE invoices.source = ? AND invoices.number = b.number
            """,
            [parsed.source],
        )
    execute_with(
        conn,
        table,
        """
        INSERT INTO invoices SELECT ?, number, subject_ref, invoice_date, ? FROM _batch b
        WHERE NOT EXISTS (SELECT 1 FROM invoices v WHERE v.source = ? AND v.number = b.number)
        """,
        [parsed.source, import_id, parsed.source],
    )
    return counts


def _invoice_table(invoices: Sequence[InvoiceRow]) -> pa.Table:
    """The invoices as Arrow columns: a column reader's own table (its numbers unique by
    construction), or one made of the rows, a number listed twice keeping its last row."""
    if isinstance(invoices, InvoiceColumns):
        return invoices.table
    return columns_of(tuple({inv.number: inv for inv in invoices}.values()), INVOICES)
