"""Spreadsheets the owner hands to others: imported text must never run as a formula.

Every sheet written here has a title row stating the as-of date, a bold frozen header with
an autofilter, sensible column widths, real Excel dates, and highlighted rows where a
deadline passed. xlsxwriter's constant-memory mode keeps memory flat for large sheets.

    >>> book = Book()
    >>> book.sheet("Inventaris", "Inventaris per 2026-11-25", columns, rows)
    >>> book.save("audit.xlsx")
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

# A cell starting with one of these is a formula (or DDE payload) to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HIGHLIGHT = "#FDE2E1"
HEADER_FILL = "#E8EEF4"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60
LOOKS: dict[str, dict[str, Any]] = {
    "plain": {},
    "quoted": {"quote_prefix": True},
    "date": {"num_format": DATE_FORMAT},
    "datetime": {"num_format": DATETIME_FORMAT},
}
# Excel's 1,048,576 rows less the title, the header and the note on what did not fit.
SHEET_ROWS = 1_048_576 - 3


def csv_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text, never runs as a formula (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for Dutch Excel: ';' separated, UTF-8 with BOM, formula-looking cells quoted."""
    safe = df.map(csv_safe)
    safe.columns = [csv_safe(c) for c in safe.columns]
    buf = io.StringIO()
    # CRLF as Excel writes it; it also makes the csv module quote a cell holding a CR.
    safe.to_csv(buf, sep=";", index=False, lineterminator="\r\n")
    return buf.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class Column:
    """One column: its header, a width in characters, and whether it holds dates."""

    header: str
    width: int = 16
    kind: str = "text"  # text | date | datetime | number


def _plain(value: Any) -> Any:
    """pandas/numpy values as plain Python, missing as None."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


@dataclass(frozen=True)
class Table:
    """A small second table on a sheet, below its first (a trend under a summary)."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]


class Book:
    """A workbook written sheet by sheet, row by row, in constant memory.

    xlsxwriter rather than openpyxl: it is made for writing, streams each row to a
    temporary file as it comes, and wrote the 100k-row audit workbook 2.3x faster than
    openpyxl's write-only mode with lxml (bench/RESULTS.md, workbook). Every string goes
    through `write_string`, so no imported text can become a formula, a number or a link.
    """

    def __init__(self, overflow: Callable[[int], str] | None = None) -> None:
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self._buffer,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        # `overflow(n)`: the last row's text when n rows did not fit on a sheet.
        self._overflow = overflow or (lambda n: f"{n} more rows do not fit on this sheet.")
        self._title = self.workbook.add_format({"bold": True, "font_size": 13})
        self._header = self.workbook.add_format({"bold": True, "bg_color": HEADER_FILL})
        self._formats = {
            (look, mark): self.workbook.add_format(
                {**LOOKS[look], **({"bg_color": HIGHLIGHT} if mark else {})}
            )
            for look in LOOKS
            for mark in (False, True)
        }
        self._names: set[str] = set()
        self._closed = False

    def sheet(
        self,
        name: str,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        highlight: Iterable[bool] | None = None,
        below: Table | None = None,
    ) -> int:
        """Write one sheet; `highlight[i]` marks row i (e.g. overdue); `below`, a second
        table after a blank row. Returns the first table's rows written."""
        ws = self.workbook.add_worksheet(self._unique(name))
        widths = [c.width for c in columns]
        for i, col in enumerate(below.columns if below else ()):
            widths[i : i + 1] = [max(widths[i], col.width)] if i < len(widths) else [col.width]
        for i, width in enumerate(widths):
            ws.set_column(i, i, min(width, MAX_WIDTH))
        ws.freeze_panes(2, 0)
        # Printed (or turned into PDF) it fits the page width, header repeated on each page.
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(1)
        ws.write_string(0, 0, title, self._title)
        for i, col in enumerate(columns):
            ws.write_string(1, i, col.header, self._header)
        marks = iter(highlight) if highlight is not None else None
        count = left_out = 0
        for row in rows:
            mark = bool(next(marks, False)) if marks is not None else False
            if count >= SHEET_ROWS:
                left_out += 1
                continue
            for c, value in enumerate(row):
                self._write(ws, count + 2, c, _plain(value), mark)
            count += 1
        if left_out:
            ws.write_string(count + 2, 0, self._overflow(left_out), self._formats["plain", True])
        ws.autofilter(1, 0, count + 1, max(len(columns) - 1, 0))
        if below is not None:
            at = count + 2 + bool(left_out) + 1
            ws.write_string(at, 0, below.title, self._title)
            for i, col in enumerate(below.columns):
                ws.write_string(at + 1, i, col.header, self._header)
            for r, row in enumerate(below.rows[:SHEET_ROWS], start=at + 2):
                for c, value in enumerate(row):
                    self._write(ws, r, c, _plain(value), False)
        return count

    def _write(self, ws: Any, r: int, c: int, value: Any, mark: bool) -> None:
        formats = self._formats
        if value is None:
            if mark:
                ws.write_blank(r, c, None, formats["plain", True])
        elif isinstance(value, str):
            # Always a string: one that Excel would run as a formula also gets a quote
            # prefix, so it stays text when the cell is edited.
            look = "quoted" if value.startswith(FORMULA_STARTS) else "plain"
            ws.write_string(r, c, value, formats[look, mark])
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value, formats["plain", mark])
        elif isinstance(value, datetime):
            ws.write_datetime(r, c, value.replace(tzinfo=None), formats["datetime", mark])
        elif isinstance(value, date):
            day = datetime(value.year, value.month, value.day)
            ws.write_datetime(r, c, day, formats["date", mark])
        elif isinstance(value, int | float | Decimal) and math.isfinite(value):
            ws.write_number(r, c, float(value), formats["plain", mark])
        else:  # anything else as its text, never as something Excel would interpret
            ws.write_string(r, c, str(value), formats["plain", mark])

    def _unique(self, name: str) -> str:
        """Excel's sheet names: at most 31 characters, none of []:*?/\\, unique."""
        base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Blad"
        candidate, n = base, 1
        while candidate.lower() in self._names:
            n += 1
            candidate = f"{base[: 31 - len(str(n))]}{n}"
        self._names.add(candidate.lower())
        return candidate

    def save(self, target: Path | str | io.BytesIO) -> None:
        data = self.to_bytes()
        if isinstance(target, io.BytesIO):
            target.write(data)
        else:
            Path(target).write_bytes(data)

    def to_bytes(self) -> bytes:
        if not self._closed:
            self.workbook.close()
            self._closed = True
        return self._buffer.getvalue()
