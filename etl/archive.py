"""ZIP containers (XLSX workbooks, zips of .eml, TransIP bundles), checked before unpacking.

Nothing is ever unpacked to disk, so a member named ``../x`` could do no harm here; but no
export tool writes such a name, so a zip holding one was made to attack something, and is
refused. The sizes come from the zip's directory: Python's zipfile never inflates a member
beyond the size the directory states (it fails the CRC check instead), so checking them
first bounds what reading the members can cost.

A workbook's sheet is also refused when a cell holds a formula (`refuse_formulas`): the
formula is never run, and the result Excel saved with it is not trusted as data.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from defusedxml.common import DefusedXmlException

from etl.model import ImportRefused, Said

# Deflated text and XML shrink 5 to 20 times, a very repetitive sheet up to ~50 times;
# deflate's own limit is ~1030. A big member packed tighter than this is a zip bomb.
MAX_RATIO = 100
BOMB_MIN_BYTES = 10 * 1024 * 1024  # small members may pack tightly (a sheet of zeros)
MAX_WORKBOOK_BYTES = 2 * 1024 * 1024 * 1024  # unpacked; far beyond a year of any export


def unsafe_name(name: str) -> bool:
    """A member path that would leave the folder it is unpacked in."""
    plain = name.replace("\\", "/")
    return (
        plain.startswith("/")
        or ".." in PurePosixPath(plain).parts
        or re.match(r"^[A-Za-z]:", plain) is not None
    )


def check_members(
    path: Path,
    infos: Iterable[zipfile.ZipInfo],
    *,
    how: Said,
    max_total: int,
    workbook: bool = False,
    max_ratio: float = MAX_RATIO,
    min_bytes: int = BOMB_MIN_BYTES,
    smaller: Said | None = None,
) -> None:
    """Refuse a zip with an unsafe member path, one that unpacks to far more than it holds,
    or one that unpacks to more than `max_total` in all.

    `how` ends the unsafe-path sentence (what to do instead); `workbook` says the zip is
    an Excel workbook (the sentences name it so); a member bigger than `min_bytes` may not pack
    tighter than `max_ratio`; `smaller` ends the too-big sentence (how to make it smaller).
    """
    total = 0
    for info in infos:
        if unsafe_name(info.filename):
            if workbook:
                raise ImportRefused(
                    "refusal.unsafe_path_workbook", file=path.name, member=info.filename, how=how
                )
            raise ImportRefused(
                "refusal.unsafe_path_zip", file=path.name, member=info.filename, how=how
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > min_bytes and ratio > max_ratio:
            if workbook:
                raise ImportRefused("refusal.zip_bomb_workbook", file=path.name)
            raise ImportRefused("refusal.zip_bomb", file=path.name)
        if total > max_total:
            mb = max_total // 2**20
            if workbook:
                raise ImportRefused("refusal.too_big_workbook", file=path.name, mb=mb)
            if smaller is None:
                raise ImportRefused("refusal.too_big_zip", file=path.name, mb=mb)
            raise ImportRefused("refusal.too_big_zip_how", file=path.name, mb=mb, how=smaller)


# ------------------------------------------------------------------------- workbooks
# [^<>]*, not [^>]*: XML allows no "<" inside a tag (an attribute value writes &lt;), and
# with [^>]* every "<c" of a run without ">" read on to the end of the 1 MB window,
# quadratic in a sheet of "<c <c <c ...".
_CELL_WITH_FORMULA = re.compile(rb"<(?:\w+:)?c\b([^<>]*)>\s*<(?:\w+:)?f[\s>/]")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')
_CHUNK = 1024 * 1024


def check_workbook(path: Path, handle: BinaryIO) -> None:
    """The zip checks for an XLSX file; a damaged zip is left to openpyxl's refusal."""
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    finally:
        handle.seek(0)
    how = Said("how.save_from_excel")
    check_members(path, infos, how=how, max_total=MAX_WORKBOOK_BYTES, workbook=True)


def first_formula(archive: zipfile.ZipFile, member: str) -> str | None:
    """The reference of the first formula cell in a worksheet's XML ("?" when it has no
    reference), else None; the XML is streamed, never held whole."""
    tail = b""
    with archive.open(member) as sheet:
        while chunk := sheet.read(_CHUNK):
            window = tail + chunk
            if found := _CELL_WITH_FORMULA.search(window):
                ref = _CELL_REF.search(found.group(1))
                return ref.group(1).decode() if ref else "?"
            tail = window[-4096:]
    return None


def workbook_problem(exc: BaseException) -> Said:
    """Why openpyxl could not open a workbook, in words (never the exception's class name)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return Said("problem.workbook_entities")
        if isinstance(seen, zipfile.BadZipFile | EOFError):
            return Said("problem.workbook_damaged")
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, KeyError):
        return Said("problem.zip_not_workbook")
    return Said("problem.workbook_foreign")


def refuse_formulas(path: Path, workbook: Any, sheet: Any) -> None:
    """A formula is never data: openpyxl would hand over the result Excel last saved (stale,
    or missing when a program wrote the file), and never runs it. No export holds one, so
    a sheet with a formula was edited, and is refused rather than read half."""
    archive, member = getattr(workbook, "_archive", None), getattr(sheet, "_worksheet_path", "")
    if archive is None or not member:  # pragma: no cover - openpyxl's read-only internals
        return
    try:
        cell = first_formula(archive, member)
    except Exception as exc:  # the same damage openpyxl itself would stumble on
        raise ImportRefused(
            "refusal.sheet_unreadable", file=path.name, sheet=repr(sheet.title),
            problem=workbook_problem(exc),
        ) from None  # fmt: skip
    if cell is not None:
        raise ImportRefused("refusal.formula", file=path.name, cell=cell, sheet=repr(sheet.title))
