"""Several TransIP answers zipped together (as ``pull transip`` saves them, or by hand):
every JSON member is parsed by its content and name, and the results merged into one
import. Non-JSON members are ignored with a warning; a damaged member refuses the ZIP.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath

from etl.access_rows import AccessEntries
from etl.archive import check_members
from etl.model import ImportRefused, ParsedExport, Said, SystemRow
from etl.transip import HOW, SOURCE, parse_json

MAX_BUNDLE_FILES = 2000
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


def is_bundle(path: Path) -> bool:
    """A ZIP holding JSON files and no workbook: several TransIP answers together."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    if any(n.startswith("xl/") or n == "[Content_Types].xml" for n in names):
        return False
    return any(n.lower().endswith(".json") for n in names)


def parse_bundle(path: Path, *, as_of: date | None = None) -> ParsedExport:
    """A ZIP of TransIP answers: every JSON member parsed by content, merged into one."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused("refusal.zip_unopenable", file=path.name, problem=str(exc)) from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_BUNDLE_FILES or sum(i.file_size for i in members) > MAX_BUNDLE_BYTES:
            raise ImportRefused("refusal.bundle_too_big", file=path.name)
        how = Said("how.zip_only_answers")
        check_members(path, members, how=how, max_total=MAX_BUNDLE_BYTES)
        parts, ignored = [], []
        for info in sorted(members, key=lambda i: i.filename):
            if not info.filename.lower().endswith(".json"):
                ignored.append(info.filename)
                continue
            parts.append(_bundle_member(path, archive, info, as_of))
    if not parts:
        raise ImportRefused("refusal.bundle_no_json", file=path.name, how=HOW)
    return _merge(path, parts, ignored)


def _bundle_member(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, as_of: date | None
) -> ParsedExport:
    member = PurePosixPath(info.filename).name
    try:
        data = json.loads(archive.read(info).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError, zipfile.BadZipFile):
        raise ImportRefused(
            "refusal.bundle_member_json", file=path.name, member=member, how=HOW
        ) from None
    try:
        return parse_json(path, data, as_of=as_of, file_name=member)
    except ImportRefused as exc:
        # The member's own sentence, naming the ZIP and the member where it named the file.
        raise ImportRefused.of(exc.said.replace(file=f"{path.name}: {member}")) from None


def _merge(path: Path, parts: list[ParsedExport], ignored: list[str]) -> ParsedExport:
    subjects = {s.ref: s for p in parts for s in p.subjects}
    records = {(r.category, r.ref): r for p in parts for r in p.records}
    entries = AccessEntries()
    for p in parts:
        for row in p.access:
            entries.add(row)
    systems: dict[str, SystemRow] = {}
    for p in parts:
        for sys_row in p.systems:
            known = systems.get(sys_row.system)
            if known is None:
                systems[sys_row.system] = sys_row
            else:  # the VPS list and the ip-addresses file each add hints
                hints = tuple(dict.fromkeys((*known.hints, *sys_row.hints)))
                systems[sys_row.system] = SystemRow(
                    sys_row.system, known.label or sys_row.label, hints
                )
    warnings = [w for p in parts for w in p.warnings]
    if ignored:
        warnings.append(Said("warning.bundle_not_json", n=len(ignored)))
    return ParsedExport(
        source=SOURCE,
        kind="bundle",
        subjects=tuple(subjects.values()),
        records=tuple(records.values()),
        rows_read=sum(p.rows_read for p in parts),
        skipped=sum(p.skipped for p in parts),
        warnings=tuple(warnings),
        access=entries.rows(),
        systems=tuple(systems.values()),
        scopes=tuple(dict.fromkeys(s for p in parts for s in p.scopes)),
        informational=all(p.informational for p in parts),
    )
