"""Cell values as the bookkeeping exports write them, turned into Python values.

Exports from Dutch software mix styles freely: ``01-03-2024``, ``1-3-2024``, ``2024-03-01``,
``2024-03-01T00:00:00``, Excel serial numbers (``45352``) and real ``datetime`` cells from
openpyxl; amounts as ``1.234,56``, ``1234.56`` or ``€ 1.234,56``. The parsers here accept all
of these and raise ``ValueError`` for anything else; the importers turn that into a warning
naming the row, or refuse the file when most of a column is garbage (see `etl.rows`).

    >>> parse_date("1-3-2024")
    datetime.date(2024, 3, 1)
    >>> parse_decimal("€ 1.234,56")
    Decimal('1234.56')
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

# Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29, this base absorbs it).
_EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers from 1 (1900-01-01) to 2958465 (9999-12-31) are plausible Excel dates.
_EXCEL_MAX = 2958465

_MONTHS = {
    "jan": 1, "feb": 2, "mrt": 3, "maa": 3, "mar": 3, "apr": 4, "mei": 5, "may": 5,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE
)
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ t][\d:.]+)?")
_NAMED = re.compile(r"(\d{1,2})[-/. ]+([a-z]{3})[a-z]*\.?[-/. ]+(\d{4})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{1,7}(?:[.,]\d+)?")

TRUE_WORDS = frozenset({"1", "true", "waar", "ja", "j", "yes", "y", "x", "actief", "on"})
FALSE_WORDS = frozenset({"0", "false", "onwaar", "nee", "n", "no", "off", "-"})


def cell_text(value: Any) -> str:
    """The text of one cell, stripped; ``None`` is empty and ``1001.0`` is ``1001``.

    XLSX cells holding a relation code or KvK number often arrive as floats. NUL characters
    (which Python's csv module lets through) are dropped: no database column wants them.
    """
    if isinstance(value, str):  # by far the most common case: checked first
        text = value.strip()
        return text.replace("\x00", "").strip() if "\x00" in text else text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    return str(value).strip().replace("\x00", "")


def _build(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date") from None


def parse_date(value: Any) -> date | None:
    """A date from any style the exports use; None for an empty cell, ValueError for garbage."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return _from_serial(float(value), value)
    text = str(value).strip().lower()
    if not text:
        return None
    try:
        return _date_of_text(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a date") from None


# A ten-year export repeats a few thousand distinct dates a million times: each is read
# once, and its date object shared (dates are immutable). Garbage is not cached.
@lru_cache(maxsize=8192)
def _date_of_text(text: str) -> date:
    """A date from a stripped, lower-cased, non-empty cell; ValueError for garbage."""
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _build(year, month, day, text)
    if match := _DUTCH.fullmatch(text):
        day, month, year_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:  # 01-03-24: the century nobody writes is the nearer one
            year += 2000 if year < 70 else 1900
        return _build(year, int(month), int(day), text)
    if (match := _NAMED.fullmatch(text)) and match.group(2) in _MONTHS:
        return _build(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)), text)
    if match := _COMPACT.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _build(year, month, day, text)
    if _SERIAL.fullmatch(text):
        return _from_serial(float(text.replace(",", ".")), text)
    raise ValueError(f"{text!r} is not a date")


def _from_serial(serial: float, original: Any) -> date:
    # Small numbers in a date column are not dates (a 2 is a typo, not 1900-01-01), and the
    # first plausible business date in this product is 1990 (serial 32874).
    if not 32874 <= serial <= _EXCEL_MAX:
        raise ValueError(f"{original!r} is not a date")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def parse_decimal(value: Any) -> Decimal | None:
    """An amount in Dutch or English notation; None for empty, ValueError for garbage."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not an amount")
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = re.sub(r"[\s\u00a0€]|EUR", "", str(value), flags=re.IGNORECASE)
    if not text:
        return None
    negative = text.startswith("(") and text.endswith(")")  # accounting style (12,50)
    text = text.strip("()")
    if text.endswith("-"):  # trailing minus, as some exports write credit amounts
        negative, text = True, text[:-1]
    if "," in text and "." in text:
        # The later separator is the decimal one: 1.234,56 (Dutch) or 1,234.56 (English).
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1:  # 1.234.567 has only thousands separators
        text = text.replace(".", "")
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
        raise ValueError(f"{value!r} is not an amount")
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex above rules this out
        raise ValueError(f"{value!r} is not an amount") from None
    return -amount if negative else amount


def parse_bool(value: Any) -> bool | None:
    """True/False from the many spellings the exports use; None when empty or unclear."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None
