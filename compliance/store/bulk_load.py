"""The relations and records of one export, handed to DuckDB in batches.

A ten-year export holds a million relations. Building one Python row per relation and one
pandas frame of them all cost more memory than the file itself several times over, so the
rows go to DuckDB `BATCH_ROWS` at a time as Arrow tables, into temporary tables of the
import's transaction; the last occurrence of a key wins, as before, and the subject of a
record is found by a join on `source_subjects`, not a Python dictionary.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from itertools import islice
from typing import Any

import pyarrow as pa

from compliance.store.connection import Connection, execute_with, next_id
from compliance.store.subject_links import ROWS, link_staged, stage_identifiers
from etl.arrow_rows import RECORDS, SUBJECTS, ArrowRows, columns_of
from etl.model import ParsedExport

BATCH_ROWS = 100_000


_ROWS = pa.schema(  # what is kept of a relation while its subject is found
    [
        ("pos", pa.int64()),
        ("ref", pa.string()),
        ("name", pa.string()),
        ("kvk", pa.string()),
        ("is_company", pa.bool_()),
        ("inactive", pa.bool_()),
        ("added_on", pa.date32()),
        ("modified_on", pa.date32()),
    ]
)
_RECORDS = pa.schema(
    [
        ("pos", pa.int64()),
        ("subject_ref", pa.string()),
        ("category", pa.string()),
        ("ref", pa.string()),
        ("fields", pa.list_(pa.string())),
        ("basis", pa.string()),
        ("detail", pa.string()),
        ("source_date", pa.date32()),
        ("clock_start", pa.date32()),
    ]
)


def _batches(rows: Sequence[Any], schema: pa.Schema) -> Iterator[tuple[int, pa.Table]]:
    """`BATCH_ROWS` rows at a time as Arrow tables of `schema`: slices of a column
    reader's table, or row objects turned into columns."""
    if isinstance(rows, ArrowRows):
        for start in range(0, len(rows), BATCH_ROWS):
            yield start, rows.table.slice(start, BATCH_ROWS)
        return
    it = iter(rows)
    start = 0
    while batch := list(islice(it, BATCH_ROWS)):
        yield start, columns_of(batch, schema)
        start += len(batch)


def load_subjects(
    conn: Connection, parsed: ParsedExport, salt: str, import_id: int, now: datetime
) -> int:
    """Link every relation of the file to a subject and store subjects, identifiers and
    the source's view of each; returns how many subjects are new."""
    if not parsed.subjects:
        return 0
    conn.execute(f"CREATE TEMP TABLE _in_rows ({_columns(_ROWS)})")
    for start, batch in _batches(parsed.subjects, SUBJECTS):
        rows = batch.add_column(0, "pos", pa.array(range(start, start + batch.num_rows),
                                                   pa.int64()))  # fmt: skip
        stage_identifiers(conn, rows.select(ROWS.names), salt, first=start == 0)
        execute_with(conn, rows.select(_ROWS.names), "INSERT INTO _in_rows SELECT * FROM _batch")
    first_new, new = link_staged(conn, parsed.source)
    # A subject is created from its first relation in the file; the source's view of a
    # relation is its last row (a file that lists a code twice means the later one).
    conn.execute(
        """
        INSERT INTO subjects
        SELECT l.subject_id, r.name, r.kvk, r.is_company, ?, ?
        FROM _in_rows r JOIN _links l USING (pos)
        WHERE l.subject_id >= ?
        QUALIFY row_number() OVER (PARTITION BY l.subject_id ORDER BY r.pos) = 1
        ORDER BY r.pos
        """,
        [now, import_id, first_new],
    )
    conn.execute(
        """
        CREATE TEMP TABLE _last_subjects AS
        SELECT r.pos, r.ref, l.subject_id, r.name, coalesce(r.inactive, false) AS inactive,
               r.added_on, r.modified_on
        FROM _in_rows r JOIN _links l USING (pos)
        QUALIFY row_number() OVER (PARTITION BY r.ref ORDER BY r.pos DESC) = 1
        """
    )
    conn.execute("DROP TABLE _in_rows")
    conn.execute("DROP TABLE _links")
    # Known relations updated (their subject stays), then the new ones inserted: what an
    # upsert did, at half its memory (bench/keys_cost.py and issue 8's note).
    conn.execute(
        """
        UPDATE source_subjects SET name = l.name, inactive = l.inactive,
            added_on = l.added_on, modified_on = l.modified_on, last_import_id = ?
        FROM _last_subjects l WHERE source_subjects.source = ? AND source_subjects.ref = l.ref
        """,
        [import_id, parsed.source],
    )
    conn.execute(
        """
        INSERT INTO source_subjects
        SELECT ?, ref, subject_id, name, inactive, added_on, modified_on, ?, ?
        FROM _last_subjects l
        WHERE NOT EXISTS (SELECT 1 FROM source_subjects s WHERE s.source = ? AND s.ref = l.ref)
        ORDER BY pos
        """,
        [parsed.source, import_id, import_id, parsed.source],
    )
    conn.execute("DROP TABLE _last_subjects")
    return new


def _record_batch(start: int, batch: pa.Table, fields_of: dict) -> pa.Table:
    """The batch's records as the rows of `_in_records`."""
    fields = []
    for listed in batch.column("fields").to_pylist():
        # The database keeps a record's field ids sorted by name; most records share one
        # of a handful of sets, so each set is sorted once.
        key = tuple(listed)
        found = fields_of.get(key)
        if found is None:
            found = fields_of[key] = sorted(set(key))
        fields.append(found)
    return pa.Table.from_arrays(
        [
            pa.array(range(start, start + batch.num_rows), pa.int64()),
            *(batch.column(n) for n in ("subject_ref", "category", "ref")),
            pa.array(fields, pa.list_(pa.string())),
            *(batch.column(n) for n in ("basis", "detail", "seen_on", "clock_start")),
        ],
        schema=_RECORDS,
    )


# A record seen again whose stored facts change: what the import counts as changed and
# rewrites whole. A newer file's older date, or no contract end where one was known, is no
# change (the record keeps the newest it was told). r: the stored record, i: the incoming.
_CHANGED = """
    r.fields IS DISTINCT FROM i.fields OR r.basis IS DISTINCT FROM i.basis
    OR r.detail IS DISTINCT FROM i.detail OR r.subject_id IS DISTINCT FROM i.subject_id
    OR i.source_date > r.source_date OR (r.source_date IS NULL AND i.source_date IS NOT NULL)
    OR (i.clock_start IS NOT NULL AND i.clock_start IS DISTINCT FROM r.clock_start)
"""


def load_records(
    conn: Connection, parsed: ParsedExport, import_id: int, today: date
) -> dict[str, int]:
    """Store the file's records (new, changed or unchanged); counts each kind."""
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    if not parsed.records:
        return counts
    conn.execute(f"CREATE TEMP TABLE _in_records ({_columns(_RECORDS)})")
    fields_of: dict[tuple[str, ...], list[str]] = {}
    for start, batch in _batches(parsed.records, RECORDS):
        rows = _record_batch(start, batch, fields_of)
        execute_with(conn, rows, "INSERT INTO _in_records SELECT * FROM _batch")
    # The last row of a (category, ref) wins; a record whose relation is not known to this
    # source (not in this file, not imported before) has no subject and is left out.
    conn.execute(
        """
        CREATE TEMP TABLE incoming AS
        SELECT i.pos, ss.subject_id, i.category, ? AS source, i.ref, i.fields, i.basis,
               coalesce(i.detail, '') AS detail, i.source_date, i.clock_start
        FROM _in_records i
        JOIN source_subjects ss ON ss.source = ? AND ss.ref = i.subject_ref
        QUALIFY row_number() OVER (PARTITION BY i.category, i.ref ORDER BY i.pos DESC) = 1
        """,
        [parsed.source, parsed.source],
    )
    conn.execute("DROP TABLE _in_records")
    # Classify before writing, so the import log says what really changed.
    total, new, changed = conn.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE r.id IS NULL),
               count(*) FILTER (WHERE r.id IS NOT NULL AND ({_CHANGED}))
        FROM incoming i LEFT JOIN records r
          ON r.source = i.source AND r.category = i.category AND r.ref = i.ref
    """).fetchall()[0]
    counts.update(new=new, changed=changed, unchanged=total - new - changed)
    # Ids are numbered over every incoming record, as the upsert before did; the known
    # records are updated first, then the new ones inserted (half the upsert's memory).
    # A record seen again unchanged (nearly all of a list exported again) gets only its two
    # narrow columns rewritten: rewriting its lists and texts too cost more than the load.
    conn.execute(
        f"""
        UPDATE records r SET subject_id = i.subject_id, fields = i.fields, basis = i.basis,
            detail = i.detail, source_date = greatest(r.source_date, i.source_date),
            clock_start = coalesce(i.clock_start, r.clock_start)
        FROM incoming i
        WHERE r.source = i.source AND r.category = i.category AND r.ref = i.ref
          AND ({_CHANGED})
        """
    )
    conn.execute(
        """
        UPDATE records SET last_seen = ?, last_import_id = ?
        FROM incoming i
        WHERE records.source = i.source AND records.category = i.category
          AND records.ref = i.ref
        """,
        [today, import_id],
    )
    conn.execute(
        """
        INSERT INTO records
        SELECT id, subject_id, category, source, ref, fields, basis, detail, source_date, ?,
               ?, clock_start, NULL, NULL, NULL, ?, ?
        FROM (SELECT ? + row_number() OVER (ORDER BY pos) - 1 AS id, * FROM incoming) i
        WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.source = i.source
                          AND r.category = i.category AND r.ref = i.ref)
        ORDER BY pos
    """,
        [today, today, import_id, import_id, next_id(conn, "records")],
    )
    conn.execute("DROP TABLE incoming")
    return counts


def _columns(schema: pa.Schema) -> str:
    types = {
        pa.int64(): "BIGINT",
        pa.int32(): "INTEGER",
        pa.string(): "VARCHAR",
        pa.bool_(): "BOOLEAN",
        pa.date32(): "DATE",
        pa.list_(pa.string()): "VARCHAR[]",
    }
    return ", ".join(f"{f.name} {types[f.type]}" for f in schema)
