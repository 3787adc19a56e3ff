"""The workbook baseline: the very rows our audit workbook writes, written by xlsxwriter.

`recorded_sheets` runs the audit module's sheet builders against a recording book (before
the clock starts), so the baseline writes the same cells; `write_with_xlsxwriter` writes
them in constant_memory mode with the same look: bold title, bold filled header, frozen
panes, autofilter, widths, landscape A4 fit to width, dates as dates, highlighted rows, and
formula-looking text kept as text (quote prefix), as compliance.spreadsheet does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from compliance.spreadsheet import FORMULA_STARTS, MAX_WIDTH, Book, Column, _plain


@dataclass
class Sheet:
    name: str
    title: str
    columns: Sequence[Column]
    rows: list[list[Any]]
    marks: list[bool]


class RecordingBook(Book):
    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def sheet(
        self,
        name: str,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        highlight: Iterable[bool] | None = None,
    ) -> int:
        plain = [[_plain(v) for v in row] for row in rows]
        marks = list(highlight) if highlight is not None else [False] * len(plain)
        self.sheets.append(Sheet(name[:31], title, columns, plain, marks))
        return len(plain)


def recorded_sheets(db: Path, snap: Any, as_of: date, now: datetime) -> list[Sheet]:
    from compliance import audit
    from compliance.policy import load_policy

    policy = load_policy()
    book = RecordingBook()
    context = audit.Context(Path(db), policy, snap, "nl", now)
    for build in audit.SHEETS:
        build(book, context)
    return book.sheets


def write_with_xlsxwriter(sheets: list[Sheet], target: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    title = book.add_format({"bold": True, "font_size": 13})
    header = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    fill = {"bg_color": "#FDE2E1"}
    formats = {}
    for marked in (False, True):
        extra = fill if marked else {}
        formats[marked] = {
            "text": book.add_format({**extra}),
            "quoted": book.add_format({**extra, "quote_prefix": True}),
            "date": book.add_format({**extra, "num_format": "yyyy-mm-dd"}),
            "datetime": book.add_format({**extra, "num_format": "yyyy-mm-dd hh:mm"}),
        }
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        for i, col in enumerate(sheet.columns):
            ws.set_column(i, i, min(col.width, MAX_WIDTH))
        ws.freeze_panes(2, 0)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(1)
        ws.write_string(0, 0, sheet.title, title)
        for i, col in enumerate(sheet.columns):
            ws.write_string(1, i, col.header, header)
        for r, (row, marked) in enumerate(zip(sheet.rows, sheet.marks, strict=True), start=2):
            f = formats[marked]
            for c, value in enumerate(row):
                if value is None:
                    if marked:
                        ws.write_blank(r, c, None, f["text"])
                elif isinstance(value, str):
                    ws.write_string(
                        r, c, value, f["quoted"] if value.startswith(FORMULA_STARTS) else f["text"]
                    )
                elif isinstance(value, datetime):
                    ws.write_datetime(r, c, value, f["datetime"])
                elif isinstance(value, date):
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), f["date"])
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value, f["text"])
                else:
                    ws.write_number(r, c, value, f["text"])
        ws.autofilter(1, 0, len(sheet.rows) + 1, len(sheet.columns) - 1)
    book.close()
