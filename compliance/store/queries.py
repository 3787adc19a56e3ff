"""Read-only queries the report and the pages are built from."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from compliance.store.connection import Connection, StoreError, reading
from compliance.store.connection import frame as _frame
from compliance.store.due_dates import GROUP_COLUMNS


def last_change_id(path: Path | str) -> int:
    """A number that grows with every write: the dashboard's cache key."""
    if not Path(path).exists():
        return 0
    with reading(path) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchall()[0][0]


def subjects(path: Path | str) -> pd.DataFrame:
    """id, name, kvk, emails (list), sources (list)."""
    with reading(path) as conn:
        systems = [row[0] for row in conn.execute(
            "SELECT DISTINCT source FROM source_subjects ORDER BY source").fetchall()]  # fmt: skip
        if len(systems) > 64:  # the importers know seven; a bit each must fit in 64
            raise StoreError("store.too_many_sources")
        people = conn.sql(
            """
            SELECT s.id,
                   -- A redacted subject is only its number any more.
                   CASE WHEN s.id IN (SELECT subject_id FROM redacted_subjects)
                        THEN '#' || s.id ELSE s.name END AS name,
                   s.kvk, coalesce(src.systems, 0::UBIGINT) AS systems
            -- A subject's systems as one bit each (of the sorted list): a list of names
            -- per subject, joined as text, cost twice the whole query at a million.
            FROM subjects s
            LEFT JOIN (SELECT subject_id,
                              bit_or(1::UBIGINT << (list_position($systems, source) - 1)::UBIGINT)
                              AS systems
                       FROM source_subjects GROUP BY subject_id) src
              ON src.subject_id = s.id
            ORDER BY s.id
        """,
            params={"systems": systems},
        ).to_arrow_table()
        # The addresses in subject and address order, cut into lists here: a third
        # cheaper than list() per subject and a join. (kind, value) is the table's key,
        # so a subject's addresses are distinct.
        emails = conn.sql(
            """
            SELECT subject_id, value FROM subject_identifiers WHERE kind = 'email'
            ORDER BY subject_id, value
        """
        ).to_arrow_table()
    frame = pd.DataFrame({n: people.column(n).to_pandas() for n in ("id", "name", "kvk")})
    frame["emails"] = _lists(frame["id"].to_numpy(), emails)
    frame["sources"] = _shared_lists(people.column("systems").to_numpy(), systems)
    return frame


def _lists(ids: np.ndarray, rows: Any) -> pd.Series:
    """Per id (sorted) the array of its `value`s from (subject_id, value) rows sorted by
    subject; rows of other subjects are left out. As pyarrow makes a list column's arrays;
    every address is distinct, so its de-duplication of equal strings would only cost."""
    owners = rows.column("subject_id").to_numpy()
    low = np.searchsorted(owners, ids, "left")
    counts = np.searchsorted(owners, ids, "right") - low
    offsets = np.r_[0, np.cumsum(counts)].astype(np.int32)
    values = rows.column("value").combine_chunks()
    if offsets[-1] != len(values):  # an address of a subject not listed: skip it
        values = values.take(pa.array(np.repeat(low - offsets[:-1], counts) +
                                      np.arange(offsets[-1])))  # fmt: skip
    lists = pa.ListArray.from_arrays(pa.array(offsets), values)
    return pd.Series(lists.to_pandas(deduplicate_objects=False), dtype=object)


def _shared_lists(masks: np.ndarray, names: list[str]) -> pd.Series:
    """Bit masks over `names` as arrays of those names, one array per distinct mask: a
    handful of combinations for a million subjects, where building an array per subject
    cost a quarter of a second."""
    codes, distinct = pd.factorize(masks)
    arrays = np.empty(len(distinct), dtype=object)
    for i, mask in enumerate(distinct.tolist()):
        arrays[i] = np.array([n for bit, n in enumerate(names) if mask >> bit & 1], dtype=object)
    return pd.Series(arrays[codes] if len(codes) else [], dtype=object)


def _columns(conn: Connection, sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """A large result through Arrow, dates as datetime64: for the report's million-row
    frames this is several times faster than .df() (strings stay Arrow-backed)."""
    table = conn.sql(sql, params=params).to_arrow_table()
    return table.to_pandas(date_as_object=False)


def subject_activity(path: Path | str, as_of: date) -> pd.DataFrame:
    """Per subject: invoices up to as_of, latest contact date, inactive flag, termination."""
    with reading(path) as conn:
        return _columns(
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
                    -- an allow-listed IP or a stored login is no contact with the person
                    WHERE category NOT IN ('ip_address', 'credentials')
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
    """Records per subject × category × source × basis, with what deletion needs and the
    latest date per group (the inventory page shows it)."""
    with reading(path) as conn:
        return _columns(
            conn,
            f"""
            SELECT {GROUP_COLUMNS}, max(coalesce(source_date, first_seen)) AS last_seen
            FROM records GROUP BY subject_id, category, source, basis
            ORDER BY subject_id, category, source, basis
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
                   extended, source, candidates FROM requests ORDER BY received_on, id
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


def audit_log(path: Path | str, limit: int | None = 500) -> pd.DataFrame:
    """The newest entries first; `limit=None` for all of them (the audit workbook)."""
    sql = 'SELECT id, "at", actor, action, detail FROM audit_log ORDER BY id DESC'
    with reading(path) as conn:
        if limit is None:
            return _frame(conn, sql)
        return _frame(conn, sql + " LIMIT ?", [limit])


def reappearances(path: Path | str) -> pd.DataFrame:
    """Deleted records that an import brought back and that are still present.

    `imported_at` is the import's own clock (`started_at`, the `now` it was given), not
    `finished_at`, which is the wall time it ended: the report compares it with `as_of`,
    and a report as of the import day must not depend on the day it is read."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT a.id, new.subject_id, ss.name, new.category, new.source,
                   old.deleted_on, old.subject_id AS old_subject_id, i.file_name,
                   i.started_at AS imported_at
            FROM reappearances a
            JOIN records new ON new.id = a.new_record_id
            JOIN records old ON old.id = a.old_record_id
            JOIN imports i ON i.id = a.import_id
            LEFT JOIN source_subjects ss
              ON ss.subject_id = new.subject_id AND ss.source = new.source
            WHERE new.deleted_on IS NULL
            QUALIFY row_number() OVER (PARTITION BY a.id ORDER BY ss.ref) = 1
            ORDER BY a.id
            """,
        )
