"""Column headers of an export mapped to the fields an importer reads.

Header spellings differ per package, per version and per language setting ("E-mail",
"Email", "Emailadres"; SnelStart's import format writes "FldRelatiecode"). Each importer
lists the spellings it knows per field; matching ignores case, accents, spaces,
underscores, dots and dashes.

    >>> mapping = map_headers(["FldRelatiecode", "E-mail"], {"ref": ["Relatiecode"],
    ...                                                      "email": ["Email"]})
    >>> mapping.columns
    {'ref': (0,), 'email': (1,)}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from etl.values import cell_text


def header_key(text: Any) -> str:
    """A header reduced for comparison: no case, accents, spaces, underscores or dots."""
    decomposed = unicodedata.normalize("NFKD", cell_text(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s_\-.:/()#'\"]+", "", plain)


@dataclass(frozen=True)
class HeaderMap:
    """Which columns of a file hold which field (several columns may feed one field)."""

    columns: dict[str, tuple[int, ...]]  # field -> column indexes, in file order
    mapped: dict[str, str]  # file header -> field
    unmapped: tuple[str, ...]  # non-empty headers nothing reads

    def has(self, name: str) -> bool:
        return name in self.columns

    def values(self, cells: Sequence[Any], name: str) -> list[Any]:
        """The non-empty cells of every column mapped to `name`."""
        found = []
        for index in self.columns.get(name, ()):
            if index < len(cells) and _filled(cells[index]):
                found.append(cells[index])
        return found

    def first(self, cells: Sequence[Any], name: str) -> Any:
        """The first non-empty cell for `name`, or None."""
        for index in self.columns.get(name, ()):  # values()[0] without building the list
            if index < len(cells) and _filled(cells[index]):
                return cells[index]
        return None

    def text(self, cells: Sequence[Any], name: str) -> str:
        return cell_text(self.first(cells, name))


def _filled(value: Any) -> bool:
    """bool(cell_text(value)), without building the text for the common CSV string."""
    if type(value) is str and "\x00" not in value:
        return not value.isspace() and value != ""
    return bool(cell_text(value))


def alias_lookup(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for name, spellings in aliases.items():
        for spelling in spellings:
            lookup.setdefault(header_key(spelling), name)
    return lookup


def match_header(key: str, lookup: Mapping[str, str]) -> str | None:
    if key in lookup:
        return lookup[key]
    # SnelStart's own import format prefixes every field: FldRelatiecode = Relatiecode.
    if key.startswith("fld") and key[3:] in lookup:
        return lookup[key[3:]]
    return None


def map_headers(headers: Sequence[Any], aliases: Mapping[str, Iterable[str]]) -> HeaderMap:
    """Map file headers to fields by their aliases (case/space/accent-insensitive, Fld-prefix)."""
    lookup = alias_lookup(aliases)
    columns: dict[str, list[int]] = {}
    mapped: dict[str, str] = {}
    unmapped: list[str] = []
    for index, header in enumerate(headers):
        label = cell_text(header)
        if not label:
            continue
        name = match_header(header_key(label), lookup)
        if name is None:
            unmapped.append(label)
        else:
            columns.setdefault(name, []).append(index)
            mapped[label] = name
    return HeaderMap({k: tuple(v) for k, v in columns.items()}, mapped, tuple(unmapped))


def count_matches(cells: Sequence[Any], lookup: Mapping[str, str]) -> int:
    return sum(1 for cell in cells if cell_text(cell) and match_header(header_key(cell), lookup))


def pick_header(rows: Sequence[Sequence[Any]], lookup: Mapping[str, str]) -> int:
    """The index of the header row: the first with two or more known column names."""
    for index, cells in enumerate(rows):
        if count_matches(cells, lookup) >= 2:
            return index
    # Nothing recognised: the first row with two filled cells is shown in the refusal.
    for index, cells in enumerate(rows):
        if sum(1 for cell in cells if cell_text(cell)) >= 2:
            return index
    for index, cells in enumerate(rows):
        if any(cell_text(cell) for cell in cells):
            return index
    return -1
