"""An invoice list (e-boekhouden.nl, SnelStart) turned into invoices: one set of rules,
read row by row or, for a plain CSV, a column at a time.

The rules (`etl.rows.add_invoice` and `Invoices`): a blank row is skipped; a row without
number, relation or readable date is skipped with a warning; the lines of one invoice
collapse into one invoice, dated by its earliest line; a number booked on a second relation
keeps the first, with a warning. Warnings come in row order, at most `MAX_WARNINGS` shown.

The column path gives the same invoices, counts and warnings as the row path
(tests/test_invoice_list.py compares both on generated files); it only exists because a
ten-year list has millions of lines (bench/).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl.arrow_rows import InvoiceColumns
from etl.csv_columns import blank_rows, first_filled, give_back, plain_columns
from etl.headers import HeaderMap
from etl.model import InvoiceRow, Said
from etl.reading import counted_rows
from etl.rows import INVOICE_DATE, ImportLog, Invoices, add_invoice
from etl.tabular import Table
from etl.values import parse_date

_NO_DAY = np.iinfo(np.int64).min  # a date column without a (readable) date
_EPOCH = date(1970, 1, 1).toordinal()  # date32 counts days from here


def read_invoices(table: Table, cols: HeaderMap, log: ImportLog) -> Sequence[InvoiceRow]:
    """The invoices of a sniffed invoice list; `log` gets the counts and warnings."""
    cells = plain_columns(table)
    if cells is None:
        return invoices_by_rows(table, cols, log)
    fields = invoice_fields(cells, cols)
    del cells  # the whole file's columns (~300 MB at ten years): gone before the rest
    invoices = invoices_by_columns(*fields, log)
    del fields
    give_back()
    return invoices


def invoices_by_rows(table: Table, cols: HeaderMap, log: ImportLog) -> tuple[InvoiceRow, ...]:
    invoices = Invoices(log)
    for number, cells in counted_rows(table, log):
        add_invoice(log, invoices, Said("where.row", n=number), cols.text(cells, "number"),
                    cols.text(cells, "relation"), cols.first(cells, "date"))  # fmt: skip
    return invoices.rows()


def invoice_fields(
    cells: pa.Table, cols: HeaderMap
) -> tuple[pa.Array, pa.Array, pa.Array, np.ndarray]:
    """Of `csv_columns.plain_columns` (record i is line i+2): number, relation and date
    text per record, stripped, and which records are not blank."""
    number = first_filled(cells, cols.columns["number"])
    ref = first_filled(cells, cols.columns["relation"])
    raw_date = first_filled(cells, cols.columns["date"])
    nothing = pc.and_(pc.and_(pc.equal(number, ""), pc.equal(ref, "")), pc.equal(raw_date, ""))
    return number, ref, raw_date, ~_numpy(blank_rows(cells, nothing))


def invoices_by_columns(
    number: pa.Array, ref: pa.Array, raw_date: pa.Array, read: np.ndarray, log: ImportLog
) -> InvoiceColumns:
    """The row rules over whole columns (`invoice_fields`)."""
    has_number, has_ref = _numpy(pc.not_equal(number, "")), _numpy(pc.not_equal(ref, ""))

    # Each distinct date text read once, by the row path's own parser.
    encoded = pc.dictionary_encode(raw_date)
    texts = encoded.dictionary.to_pylist()
    day_of, bad_of = np.full(len(texts), _NO_DAY), np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        try:
            parsed = parse_date(text)
        except ValueError:
            bad_of[i] = True
        else:
            day_of[i] = _NO_DAY if parsed is None else parsed.toordinal()
    codes = encoded.indices.to_numpy()
    day, bad = day_of[codes], bad_of[codes] & read
    has_day = read & (day != _NO_DAY)
    earliest, latest = log.plausible_dates()
    odd = has_day & ((day < earliest.toordinal()) | (day > latest.toordinal()))
    skip = read & ~(has_number & has_ref & has_day)
    valid = np.flatnonzero(read & ~skip)

    # Invoices: numbers coded in order of first appearance, so code order is file order.
    numbers = pc.dictionary_encode(number.take(valid))
    refs = pc.dictionary_encode(ref.take(valid))
    number_code, ref_code = numbers.indices.to_numpy(), refs.indices.to_numpy()
    first_ref = ref_code[np.unique(number_code, return_index=True)[1]]
    clash = ref_code != first_ref[number_code]  # booked on a second relation: not kept
    earliest_day = np.full(len(first_ref), np.iinfo(np.int64).max)
    np.minimum.at(earliest_day, number_code[~clash], day[valid][~clash])

    log.rows_read += int(read.sum())
    log.skipped += int((~read).sum() + skip.sum())
    log.dates_ok += int(has_day.sum())
    bad_rows = np.flatnonzero(bad)
    if len(bad_rows):
        first = int(bad_rows[0])
        log.bad_date(Said("where.row", n=first + 2), repr(texts[codes[first]][:30]))
        log.dates_bad += len(bad_rows) - 1
    clashes = np.zeros(len(read), dtype=bool)
    clashes[valid[clash]] = True
    _warn(log, bad | odd, skip, clashes, {
        "date": lambda row: _date_warning(row, texts[codes[row]], int(day[row]), bool(bad[row])),
        "skip": lambda row: (
            Said("warning.invoice_no_number", where=_row(row)) if not has_number[row]
            else Said("warning.invoice_no_relation", where=_row(row)) if not has_ref[row]
            else Said("warning.invoice_no_date", where=_row(row))
        ),
        "clash": lambda row: _clash_warning(row, valid, numbers, refs, first_ref, number_code),
    })  # fmt: skip
    return InvoiceColumns(
        pa.table(
            {
                "number": numbers.dictionary,
                "subject_ref": refs.dictionary.take(pa.array(first_ref)),
                "invoice_date": pa.array(earliest_day - _EPOCH, pa.int32()).cast(pa.date32()),
            }
        )
    )


def _numpy(flags: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(flags.to_numpy(zero_copy_only=False), dtype=bool)


def _row(row: int) -> Said:
    """Where record `row` of the columns is in the file (record 0 is line 2)."""
    return Said("where.row", n=row + 2)


def _date_warning(row: int, text: str, day: int, bad: bool) -> Said:
    if bad:
        return Said("warning.not_a_date", where=_row(row), what=INVOICE_DATE, text=repr(text[:30]))
    shown = date.fromordinal(day).isoformat()
    return Said("warning.date_looks_wrong", where=_row(row), what=INVOICE_DATE, date=shown)


def _clash_warning(
    row: int,
    valid: np.ndarray,
    numbers: Any,
    refs: Any,
    first_ref: np.ndarray,
    number_code: np.ndarray,
) -> Said:
    at = int(np.searchsorted(valid, row))
    code = int(number_code[at])
    known = refs.dictionary[int(first_ref[code])].as_py()
    number = numbers.dictionary[code].as_py()
    return Said("warning.invoice_twice", where=_row(row), number=number, other=known)


def _warn(
    log: ImportLog,
    date_warned: np.ndarray,
    skipped: np.ndarray,
    clashed: np.ndarray,
    text: dict[str, Any],
) -> None:
    """The warnings in the row path's order (a row's date first, then why it was skipped
    or not kept), written while the log shows more, counted after that. `text[kind](row)`
    is the warning of that kind about record `row`."""
    total = int(date_warned.sum() + skipped.sum() + clashed.sum())
    written = 0
    for row in np.flatnonzero(date_warned | skipped | clashed):
        for kind, flags in (("date", date_warned), ("skip", skipped), ("clash", clashed)):
            if flags[row] and log.has_room():
                log.add_warning(text[kind](int(row)))
                written += 1
        if not log.has_room():
            break
    log.count_warnings(total - written)
