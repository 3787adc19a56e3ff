"""A plain CSV read whole, as Arrow columns: the fast path of the long lists.

Ten years of invoice lines are millions of records; Python's `csv` module and a loop per
record cost five times what reading the file into DuckDB costs (bench/). Most exports are
*plain*: the header on the first line, one record per line, no blank lines, the same
number of fields on every line. Such a file is read by pyarrow's multi-threaded reader
instead, and gives exactly the cells `Table.rows()` would give, record `i` being line
`i + 2`. Quotes are allowed (a name or note holding the delimiter is quoted): every line
holding one is read again by Python's `csv`, and any difference, or a quoted line break
(a record over two lines), means the file is not plain.

Anything else (a title row, a line with fewer fields, a byte the encoding does not know)
returns None, and the importer reads the file row by row as before, with its warnings and
refusals. The column path never refuses a file itself.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl.tabular import Table

# What `str.strip()` removes (every character `isspace()` calls whitespace): cells are
# compared and shown stripped, exactly as `etl.values.cell_text` strips them.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())

# Encodings whose bytes for `"`, NUL, CR and LF mean only those characters (no multi-byte
# sequence contains them), so the checks below can look at the raw bytes.
_ASCII_SAFE = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "cp1252": "cp1252"}
_BLOCK = 1 << 24  # pyarrow reads (and decodes) 16 MB at a time
_ONE_ARRAY = (1 << 31) - 1  # bytes of text a `pa.string()` array can hold (32-bit offsets)


def plain_columns(table: Table) -> pa.Table | None:
    """Every record below the header as string columns `c0`, `c1`, … (one per header
    cell, cells as written, not stripped), or None when the file is not plain."""
    encoding = _ASCII_SAFE.get(table.encoding or "")
    if table.format != "csv" or table.header_row != 1 or encoding is None:
        return None
    try:
        data = table.path.read_bytes()
    except OSError:
        return None  # the row reader says what is wrong with the file
    if not _is_plain(data):
        return None
    quoted = b'"' in data
    delimiter = table.delimiter or ";"
    try:
        names = [f"c{i}" for i in range(len(table.headers))]
        cells = pacsv.read_csv(
            pa.BufferReader(data),
            # pyarrow decodes Windows-1252 block by block while it reads (strictly: a byte
            # the code page leaves undefined raises, where the row reader shows "�").
            read_options=pacsv.ReadOptions(
                column_names=names, skip_rows=1, encoding=encoding, block_size=_BLOCK
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                quote_char='"' if quoted else False,
                double_quote=quoted,
                newlines_in_values=quoted,  # so a quoted line break shows as a lost line
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
    except (pa.ArrowException, UnicodeError, ValueError):
        # A line with another number of fields, invalid UTF-8, an undefined byte: not
        # plain after all.
        return None
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    if cells.num_rows != lines - 1:
        return None  # a record spans lines: the row numbers would not be line numbers
    if any(_longest(column) >= csv.field_size_limit() for column in cells.columns):
        return None  # the row reader refuses a field this long, which no export holds
    if any(column.nbytes >= _ONE_ARRAY for column in cells.columns):
        return None  # more text in one column than one Arrow string array holds
    if quoted and not _quotes_read_alike(data, encoding, delimiter, cells):
        return None
    return cells


def _longest(column: pa.ChunkedArray) -> int:
    """The longest cell in characters (as Python's csv counts its field limit)."""
    if not len(column):
        return 0
    longest = pc.max(pc.binary_length(column)).as_py() or 0  # bytes: never fewer
    if longest < csv.field_size_limit():
        return longest
    return pc.max(pc.utf8_length(column)).as_py() or 0


def _quoted_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(0-based line number, the line with its end) of every line holding a quote."""
    line, counted_to = 0, 0
    at = data.find(b'"')
    while at >= 0:
        line += data.count(b"\n", counted_to, at)
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end + 1
        yield line, data[start:end]
        counted_to, line = end, line + 1  # that line's own "\n" counted here
        at = data.find(b'"', end)


def _quotes_read_alike(data: bytes, encoding: str, delimiter: str, cells: pa.Table) -> bool:
    """Whether Python's csv reads every line holding a quote as pyarrow did (quotes in
    the middle of a field, text after a closing quote: the two readers need not agree)."""
    found = [(n, raw) for n, raw in _quoted_lines(data) if n > 0]  # line 0: the header
    if not found:
        return True
    arrow = cells.take(pa.array([n - 1 for n, _ in found], pa.int64())).to_pylist()
    for (_, raw), row in zip(found, arrow, strict=True):
        try:
            python = next(csv.reader([raw.decode(encoding)], delimiter=delimiter), [])
        except (csv.Error, UnicodeError):
            return False
        if python != list(row.values()):
            return False
    return True


def _is_plain(data: bytes) -> bool:
    """One record per line: no NUL, no CR other than in CRLF, no empty line (the row
    reader counts it as a blank row)."""
    return (
        b"\x00" not in data
        and data.count(b"\r") == data.count(b"\r\n")
        and b"\n\n" not in data
        and b"\n\r\n" not in data
    )


def give_back() -> None:
    """Return the freed memory of a file's columns to the system: the allocator keeps it
    for reuse otherwise (a few hundred MB after a million relations), while the import
    still needs the most memory of all for the database."""
    pa.default_memory_pool().release_unused()


def stripped(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The cells as `cell_text` gives them (stripped), in one array."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    return pc.utf8_trim(column, characters=WHITESPACE)


def first_filled(cells: pa.Table, indexes: tuple[int, ...]) -> pa.Array:
    """`HeaderMap.text` per record: the first of these columns that is not blank,
    stripped; "" when all are blank."""
    found: pa.Array | None = None
    for index in reversed(indexes):  # the first column wins: it is laid on last
        text = stripped(cells.column(f"c{index}"))
        found = text if found is None else pc.if_else(pc.equal(text, ""), found, text)
    return found if found is not None else pc.fill_null(pa.nulls(cells.num_rows, pa.string()), "")


def blank_rows(cells: pa.Table, candidates: pa.Array) -> pa.Array:
    """`reading.is_blank` per record, looked at only where `candidates` is true (the
    records whose read columns are all blank; the others cannot be blank)."""
    blank = candidates
    for name in cells.column_names:
        if not pc.any(blank).as_py():
            break
        column = pc.filter(cells.column(name), blank)  # only the records still blank
        empty = pc.equal(stripped(column), "")
        blank = pc.replace_with_mask(blank, blank, empty)
    return blank
