"""Reading the tabular exports (CSV and XLSX) every bookkeeping package produces.

How the owner gets such a file: in e-boekhouden.nl or SnelStart, open the list (relations,
invoices), choose "Exporteren" / "Export naar Excel" and save the file; or open an
existing export in Excel and save it again ("Opslaan als", CSV or Excel workbook). That is
why nothing about the layout is assumed: the encoding (UTF-8 with or without BOM, UTF-16LE
from Excel's "Unicode text", Windows-1252), the delimiter (``;`` ``,`` tab), title rows
above the real header, and header spellings all vary, and are sniffed here.

    >>> table = read_table("relaties.csv", aliases={"ref": ["Code", "Relatiecode"]})
    >>> headers = map_headers(table.headers, {"ref": ["Code", "Relatiecode"]})
    >>> for row_number, cells in table.rows():
    ...     code = headers.first(cells, "ref")

`Table.rows()` streams: a CSV of any size is read one record at a time.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.archive import check_workbook, refuse_formulas, workbook_problem
from etl.headers import HeaderMap, alias_lookup, count_matches, header_key, map_headers, pick_header
from etl.model import ImportRefused
from etl.values import cell_text, parse_bool, parse_date, parse_decimal

__all__ = [
    "HeaderMap",
    "Table",
    "header_key",
    "map_headers",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "read_table",
    "sniff_encoding",
]

SAMPLE_BYTES = 64 * 1024  # enough for the header and ~100 records of any export
HEADER_SEARCH_ROWS = 30  # title rows above the header never run longer than this
DELIMITERS = (";", ",", "\t", "|")
# Bigger than any real field; the default (128 KiB) raises deep inside csv on garbage.
csv.field_size_limit(4 * 1024 * 1024)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    # A file that starts as UTF-8 may hold a Windows-1252 "é" further on (hand-edited
    # exports): decode just those bytes as Windows-1252 instead of failing mid-stream.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("etl-cp1252", _cp1252_fallback)


def sniff_encoding(head: bytes, complete: bool = True) -> str:
    """The encoding of a text file from its first bytes (BOMs, NUL patterns, UTF-8 check).

    `complete` says `head` is the whole file; otherwise a character cut in half at the end
    of the sample is not held against UTF-8.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        sample = head[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        # ASCII text in UTF-16LE has a NUL at every odd byte and (almost) none at even ones.
        if odd > len(sample) // 4 and even * 8 < odd:
            return "utf-16-le"
        if even > len(sample) // 4 and odd * 8 < even:
            return "utf-16-be"
        return "binary"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_head(head: bytes, encoding: str) -> str:
    """The first bytes as text, tolerant of a character cut in half at the end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=_errors_for(encoding))
    return decoder.decode(head, final=False)


def _errors_for(encoding: str) -> str:
    return "etl-cp1252" if encoding.startswith("utf-8") else "replace"


def looks_binary(text: str) -> bool:
    """True for text full of control characters: a binary file decoded by accident."""
    if not text:
        return False
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n") or c == "\ufffd")
    return controls > max(2, len(text) // 100)


@dataclass(frozen=True)
class Table:
    """A sniffed tabular file; `rows()` streams the records below the header."""

    path: Path
    format: str  # "csv" or "xlsx"
    headers: tuple[str, ...]
    header_row: int  # 1-based record (CSV) or row (XLSX) number of the header
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: tuple[str, ...] = field(default=())

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number as the owner sees it, cells) for every record after the header."""
        if self.format == "xlsx":
            yield from _xlsx_rows(self)
        else:
            yield from _csv_rows(self)


def read_table(path: str | Path, aliases: Mapping[str, Iterable[str]] | None = None) -> Table:
    """Sniff a CSV or XLSX file; `aliases` (field -> header spellings) locate the header row."""
    path = Path(path)
    lookup = alias_lookup(aliases or {})
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
            more = bool(handle.read(1))
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportRefused("refusal.empty", file=path.name)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, lookup)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused("refusal.old_excel", file=path.name)
    if head.startswith(b"%PDF"):
        raise ImportRefused("refusal.pdf", file=path.name)
    return _read_csv_head(path, head, more, lookup)


def _read_csv_head(path: Path, head: bytes, more: bool, lookup: Mapping[str, str]) -> Table:
    encoding = sniff_encoding(head, complete=not more)
    if encoding.startswith("utf-16") and path.stat().st_size % 2:
        raise ImportRefused("refusal.cut_off_half_character", file=path.name)
    text = "" if encoding == "binary" else decode_head(head, encoding)
    if encoding == "binary" or looks_binary(text):
        raise ImportRefused("refusal.not_text_or_excel", file=path.name)
    if more and (end := max(text.rfind("\n"), text.rfind("\r"))) > 0:
        text = text[:end]  # the last line of the sample may be cut off: drop it
    delimiter = sniff_delimiter(text)
    try:  # newline="": lines end in \r\n, \n or (Excel for Mac) \r alone
        lines = io.StringIO(text, newline="")
        sample = list(csv.reader(lines, delimiter=delimiter))[:HEADER_SEARCH_ROWS]
    except csv.Error as exc:
        raise ImportRefused("refusal.not_csv", file=path.name, problem=str(exc)) from None
    index = pick_header(sample, lookup)
    if index < 0:
        raise ImportRefused("refusal.no_columns", file=path.name)
    headers = tuple(cell_text(cell).lstrip("\ufeff") for cell in sample[index])
    return Table(path, "csv", headers, index + 1, encoding=encoding, delimiter=delimiter)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most lines into the same number (>1) of fields.

    Parsing with csv per candidate (not counting characters) keeps quoted ``"Jansen, P."``
    inside one field, and a title line above the header simply does not count.
    """
    best, best_score = ";", (0, 0)
    lines = text.splitlines()[:200]
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode, _ = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = (sum(1 for c in counts if c == mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(table: Table) -> Iterator[tuple[int, tuple[Any, ...]]]:
    encoding = table.encoding or "utf-8"
    last: tuple[int, int] = (0, 0)  # (line, cells) of the last record that is not blank
    try:
        with table.path.open(encoding=encoding, errors=_errors_for(encoding), newline="") as f:
            reader = csv.reader(f, delimiter=table.delimiter or ";")
            for record, cells in enumerate(reader, start=1):
                if record > table.header_row:  # header_row counts records, not lines
                    if cells:
                        last = (reader.line_num, len(cells))
                    yield reader.line_num, tuple(cells)
    except csv.Error as exc:
        name = table.path.name
        if "field limit" in str(exc):
            mb = csv.field_size_limit() // (1024 * 1024)
            raise ImportRefused("refusal.field_too_long", file=name, mb=mb) from None
        raise ImportRefused("refusal.line_not_csv", file=name, problem=str(exc)) from None
    except (OSError, UnicodeError):
        raise ImportRefused("refusal.not_read_to_the_end", file=table.path.name) from None
    _refuse_cut_off(table, *last)


def _refuse_cut_off(table: Table, line: int, cells: int) -> None:
    """A last record with fewer cells than the header and no line break after it: the file
    was cut off (a download or copy that stopped), and its last row would be half read."""
    width = max((i + 1 for i, h in enumerate(table.headers) if h), default=0)
    if not line or cells >= width:
        return
    with table.path.open("rb") as handle:
        handle.seek(max(0, handle.seek(0, 2) - 4))
        if handle.read().rstrip(b"\x00\x1a").endswith((b"\n", b"\r")):
            return
    raise ImportRefused("refusal.cut_off_line", file=table.path.name, line=line)


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    """An openpyxl workbook in read-only mode (streams rows), closed with its file."""
    import openpyxl  # imported here: only XLSX files pay for it

    # A file object, not the path: openpyxl refuses names not ending in .xlsx, and the
    # content (a ZIP), not the name, says this is a workbook.
    with path.open("rb") as handle:
        check_workbook(path, handle)  # unsafe member paths, zip bombs
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on damaged or foreign ZIPs
            if path.suffix.lower() == ".zip":
                raise ImportRefused("refusal.zip_damaged", file=path.name) from None
            raise ImportRefused(
                "refusal.not_a_workbook", file=path.name, problem=workbook_problem(exc)
            ) from None
        for sheet in workbook.worksheets:
            # Read by the cells the sheet really holds: a dimension claiming A1:XFD1048576
            # would have every row padded to 16,384 columns and every missing row filled in.
            sheet.reset_dimensions()
        try:
            yield workbook
        finally:
            workbook.close()


def _read_xlsx(path: Path, lookup: Mapping[str, str]) -> Table:
    with _workbook(path) as workbook:
        candidates = []
        for sheet in workbook.worksheets:
            top = [list(r) for r in _iter_sheet(path, sheet, HEADER_SEARCH_ROWS)]
            index = pick_header(top, lookup)
            if index >= 0:
                matches = count_matches(top[index], lookup)
                candidates.append((matches, -len(candidates), sheet.title, index, top[index]))
        if not candidates:
            raise ImportRefused("refusal.workbook_empty", file=path.name)
        # The sheet whose header knows the most columns (the first one when none is known).
        _, _, title, index, header_cells = max(candidates)
        headers = tuple(cell_text(cell) for cell in header_cells)
        return Table(path, "xlsx", headers, index + 1, sheet=title)


def _iter_sheet(path: Path, sheet: Any, limit: int | None = None) -> Iterator[tuple[Any, ...]]:
    try:
        yield from sheet.iter_rows(values_only=True, max_row=limit)
    except Exception as exc:  # a damaged sheet surfaces only while reading it
        raise ImportRefused(
            "refusal.sheet_unreadable", file=path.name, sheet=repr(sheet.title),
            problem=workbook_problem(exc),
        ) from None  # fmt: skip


def _xlsx_rows(table: Table) -> Iterator[tuple[int, tuple[Any, ...]]]:
    with _workbook(table.path) as workbook:
        sheet = workbook[table.sheet] if table.sheet else workbook.worksheets[0]
        refuse_formulas(table.path, workbook, sheet)
        for number, cells in enumerate(_iter_sheet(table.path, sheet), start=1):
            # () is a row the sheet does not hold at all (a gap openpyxl fills in): no row.
            if number > table.header_row and cells:
                yield number, tuple(cells)
