"""One file in, one transaction out: the import step shared by the CLI and the dashboard.

>>> result = import_file("data/compliance.duckdb", Path("relaties.csv"), actor="owner",
...                      now=datetime.now())
"""

from __future__ import annotations

import gc
import getpass
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from compliance import store
from compliance.policy import CATEGORY_IDS
from etl.arrow_rows import ArrowRows
from etl.model import SOURCES, ImportRefused, ParsedExport


def current_actor() -> str:
    """Who is working: $COMPLIANCE_USER, else the operating-system user."""
    return os.environ.get("COMPLIANCE_USER") or getpass.getuser()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def parse(path: Path, source: str | None = None) -> ParsedExport:
    """Parse without touching the database; only ImportRefused escapes."""
    import etl  # the registry; imported late so `--help` stays fast

    if source is not None and source not in SOURCES:
        raise ImportRefused(
            "refusal.unknown_system", file=path.name, source=source, known=", ".join(SOURCES)
        )
    if not path.is_file():
        raise ImportRefused("refusal.not_a_file", file=path.name)
    with fewer_collections():  # the upload preview parses without import_file
        parsed = etl.parse_file(path, source=source)
    _check(parsed, path)
    return parsed


def _check(parsed: ParsedExport, path: Path) -> None:
    """Guard the store against an importer bug: unknown categories or dangling references."""
    for category, ref in _odd_records(parsed):
        if category not in CATEGORY_IDS:
            raise ImportRefused("refusal.unknown_category", file=path.name, category=category)
        raise ImportRefused("refusal.unknown_relation", file=path.name, ref=ref)
    for entry in parsed.access:
        if entry.category not in CATEGORY_IDS:
            raise ImportRefused("refusal.unknown_category", file=path.name, category=entry.category)
    if not (
        parsed.subjects
        or parsed.records
        or parsed.invoices
        or parsed.messages
        or parsed.observations
        or parsed.access  # TransIP, vault, DSD: entries the store links to subjects
        or parsed.systems
        or parsed.scopes
        or parsed.informational
    ):
        raise ImportRefused("refusal.nothing_to_import", file=path.name)


def _odd_records(parsed: ParsedExport) -> Iterator[tuple[str, str]]:
    """(category, subject ref) of the records with an unknown category or relation; a
    column reader's records are checked a column at a time."""
    subjects, records = parsed.subjects, parsed.records
    if isinstance(subjects, ArrowRows) and isinstance(records, ArrowRows):
        table = records.table
        odd = pc.or_(
            pc.invert(pc.is_in(table.column("category"), pa.array(sorted(CATEGORY_IDS)))),
            pc.invert(pc.is_in(table.column("subject_ref"), subjects.table.column("ref"))),
        )
        for row in table.filter(odd).slice(0, 1).to_pylist():
            yield row["category"], row["subject_ref"]
        return
    refs = {s.ref for s in subjects}
    for rec in records:
        if rec.category not in CATEGORY_IDS or rec.subject_ref not in refs:
            yield rec.category, rec.subject_ref


def import_file(
    db: Path | str,
    path: Path,
    *,
    actor: str,
    now: datetime,
    source: str | None = None,
    display_name: str | None = None,
) -> store.ImportResult:
    """Parse `path` completely, then load it in one transaction (or refuse, changing nothing)."""
    with fewer_collections():
        parsed = parse(path, source)
        return store.load_export(
            db, parsed, display_name or path.name, file_sha256(path), actor, now
        )


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector walks every live object again each time enough new ones
    pile up; while an import builds a million rows that was half the import time (bench/).
    Collecting ~150 times less often keeps that to a few passes, and still frees the
    cycles a mailbox's parsed messages leave behind."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
