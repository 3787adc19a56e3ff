"""Spreadsheets the owner hands to others: imported text must never run as a formula.

Every sheet written here has a title row stating the as-of date, a bold frozen header with
an autofilter, sensible column widths, real Excel dates, and highlighted rows where a
deadline passed. openpyxl's write-only mode with lxml keeps memory flat for large sheets.

    >>> book = Book()
    >>> book.sheet("Inventaris", "Inventaris per 2026-11-25", columns, rows)
    >>> book.save("audit.xlsx")
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

# A cell starting with one of these is a formula (or DDE payload) to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HIGHLIGHT = PatternFill("solid", start_color="FDE2E1", end_color="FDE2E1")
TITLE_FONT = Font(bold=True, size=13)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="E8EEF4", end_color="E8EEF4")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60


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


class Book:
    """A write-only workbook built sheet by sheet."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        # (look, highlighted) -> the cell style openpyxl made for it the first time. Setting
        # a style attribute hashes the style objects and looks them up in the workbook's
        # lists: a third of the time of a large sheet, for a handful of distinct styles.
        self._styles: dict[tuple[str, bool], Any] = {}

    def sheet(
        self,
        name: str,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        highlight: Iterable[bool] | None = None,
    ) -> int:
        """Write one sheet; `highlight[i]` marks row i (e.g. overdue). Returns rows written."""
        ws = self.workbook.create_sheet(name[:31])
        for i, col in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(col.width, MAX_WIDTH)
        ws.freeze_panes = "A3"
        # Printed (or turned into PDF) it fits the page width, header repeated on each page.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = "2:2"
        title_cell = WriteOnlyCell(ws, value=title)
        title_cell.font = TITLE_FONT
        ws.append([title_cell])
        header = []
        for col in columns:
            cell = self._cell(ws, col.header, Column(col.header))
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header.append(cell)
        ws.append(header)
        marks = iter(highlight) if highlight is not None else None
        count = 0
        for row in rows:
            mark = bool(next(marks, False)) if marks is not None else False
            ws.append([self._cell(ws, v, col, mark) for v, col in zip(row, columns, strict=True)])
            count += 1
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A2:{last}{count + 2}"
        return count

    def _cell(self, ws: Any, value: Any, col: Column, mark: bool = False) -> WriteOnlyCell:
        value = _plain(value)
        cell = WriteOnlyCell(ws, value=value)
        look = "plain"
        if isinstance(value, str):
            # Always a string, never parsed: openpyxl would store "=…" as a formula.
            cell.data_type = "s"
            look = "quoted" if value.startswith(FORMULA_STARTS) else "plain"
        elif isinstance(value, datetime):
            look = "datetime"
        elif isinstance(value, date):
            look = "date"
        style = self._styles.get((look, mark))
        if style is not None:
            cell._style = copy(style)
            return cell
        if look == "quoted":
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        elif look == "datetime":
            cell.number_format = DATETIME_FORMAT
        elif look == "date":
            cell.number_format = DATE_FORMAT
        if mark:
            cell.fill = HIGHLIGHT
        self._styles[(look, mark)] = copy(cell._style)
        return cell

    def save(self, target: Path | str | io.BytesIO) -> None:
        self.workbook.save(target)

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.save(buf)
        return buf.getvalue()
