"""The frame every importer shares: open a table or JSON list, and close with a result.

Keeps the importers to what differs per system (aliases, field meanings) and makes the
refusals uniform: header-only files, empty API answers and unreadable date columns are
refused with the same sentences whichever system the file came from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from etl.jsondoc import keys_of, load_json, records_in
from etl.model import ImportRefused, InvoiceRow, ParsedExport, RecordRow, Said, SubjectRow
from etl.rows import ImportLog, require_columns
from etl.tabular import HeaderMap, Table, map_headers, read_table
from etl.values import cell_text


def today_or(as_of: date | None) -> date:
    """The reference date for plausibility checks: the caller's, else today.

    Only used to warn about dates more than a year ahead; nothing is computed from it.
    """
    return as_of if as_of is not None else date.today()


def open_table(
    source: str | Path | Table,
    aliases: Mapping[str, Sequence[str]],
    required: Sequence[Sequence[str]],
    what: Said,
    how: Said,
) -> tuple[Table, HeaderMap]:
    """A sniffed table whose required columns are all present, or a refusal saying which."""
    table = source if isinstance(source, Table) else read_table(source, aliases)
    mapping = map_headers(table.headers, aliases)
    require_columns(table.path, table.headers, mapping, required, aliases, what, how)
    return table, mapping


def is_blank(cells: Sequence[Any]) -> bool:
    return not any(cell_text(cell) for cell in cells)


def counted_rows(table: Table, log: ImportLog) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """`table.rows()` without the blank ones, which `log` counts as skipped; the others
    count as read (etl.csv_columns' readers apply the same rule a column at a time)."""
    for number, cells in table.rows():
        if is_blank(cells):
            log.skipped += 1
            continue
        log.rows_read += 1
        yield number, cells


def open_json_list(
    path: Path, what: Said, how: Said, needed: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The records of an API answer, or a refusal naming what the JSON held instead.

    `needed` are lower-cased keys the records must have (checked on the first records).
    """
    records = records_in(load_json(path))
    if records is None:
        raise ImportRefused("refusal.json_not_a_list", file=path.name, what=what, how=how)
    keys = keys_of(records)
    if records and not needed <= keys:
        raise ImportRefused(
            "refusal.json_keys_missing", file=path.name, what=what,
            found=", ".join(sorted(keys)[:15]), expected=", ".join(sorted(needed)), how=how,
        )  # fmt: skip
    return records


def finish(
    path: Path,
    source: str,
    kind: str,
    log: ImportLog,
    *,
    what: Said,
    fix_dates: Said,
    subjects: tuple[SubjectRow, ...] = (),
    records: tuple[RecordRow, ...] = (),
    invoices: Sequence[InvoiceRow] = (),
    mapping: HeaderMap | None = None,
) -> ParsedExport:
    """The result of a fully read file, after the whole-file checks."""
    if log.rows_read == 0:
        raise ImportRefused("refusal.no_rows", file=path.name, what=what)
    log.check_dates(fix_dates)
    return ParsedExport(
        source=source,
        kind=kind,
        subjects=subjects,
        records=records,
        invoices=invoices,
        rows_read=log.rows_read,
        skipped=log.skipped,
        warnings=log.all_warnings(),
        columns_mapped=dict(mapping.mapped) if mapping else {},
        columns_unmapped=mapping.unmapped if mapping else (),
    )
