"""What the access importers (etl.transip, etl.vault, etl.dsd) share: collecting entries
with unique refs, masking licence keys, reducing a URL to its host, and closing a file.

Nothing secret leaves these helpers: a URL loses its user, password, path and query; a
licence key keeps only its last four characters.

    >>> mask_key("ABCDE-12345-FGHIJ-6789X")
    '…789X'
    >>> host_of("https://beheer:geheim@portal.example.nl/login?token=x")
    'portal.example.nl'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from etl.model import AccessRow, ImportRefused, ParsedExport, Said, SystemRow
from etl.rows import ImportLog
from etl.tabular import HeaderMap

EXPORT_AGAIN = Said("how.export_again")
KEY_SHOWN = 4  # characters of a licence key kept, as the owner recognises it on an invoice


def mask_key(value: str) -> str:
    """The last four letters or digits of a licence key, never the whole key.

    A key of four characters or fewer shows nothing at all (it would otherwise be whole).
    """
    plain = re.sub(r"[^0-9A-Za-z]", "", value)
    return "…" + plain[-KEY_SHOWN:] if len(plain) > KEY_SHOWN else "…"


def host_of(uri: str) -> str:
    """The host of a URL or the text itself when it is no URL; never user, path or query."""
    text = uri.strip()
    if not text:
        return ""
    candidate = text if "://" in text else "//" + text
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        host = ""
    if not host or " " in host:
        # Not a URL ("Router kantoor"): keep a short, plain label, cut at the first "/?#@".
        return re.split(r"[/?#@]", text, maxsplit=1)[0][:80].strip()
    return host.lower()


def email_domain_words(email: str) -> str:
    """'beheer@testkapsalon-nep.example' -> 'testkapsalon-nep.example' (a linking hint)."""
    return email.rpartition("@")[2] if "@" in email else ""


class AccessEntries:
    """Entries of one file by ref: a ref seen twice gets a counter, never overwrites."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], AccessRow] = {}

    def add(self, row: AccessRow) -> None:
        key, n = (row.category, row.ref), 1
        while key in self._rows:
            n += 1
            key = (row.category, f"{row.ref}#{n}")
        if n > 1:
            row = replace(row, ref=key[1])
        self._rows[key] = row

    def rows(self) -> tuple[AccessRow, ...]:
        return tuple(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)


def preview_mapping(
    mapping: HeaderMap, prefix: str, secret_fields: Iterable[str] = ()
) -> dict[str, str]:
    """File header -> field id for the import preview ("vault.folder"); every secret column
    is shown as "access.secret" (read only to be counted and dropped)."""
    secret = set(secret_fields)
    return {
        header: "access.secret" if f in secret else f"{prefix}.{f}"
        for header, f in mapping.mapped.items()
    }


def finish_access(
    path: Path,
    source: str,
    kind: str,
    log: ImportLog,
    *,
    what: Said,
    access: Iterable[AccessRow] = (),
    systems: Iterable[SystemRow] = (),
    scopes: Iterable[str] = (),
    secrets_dropped: int = 0,
    columns_mapped: dict[str, str] | None = None,
    columns_unmapped: tuple[str, ...] = (),
    allow_empty: bool = False,
    fix_dates: Said = EXPORT_AGAIN,
) -> ParsedExport:
    """The result of a fully read access file, after the whole-file checks.

    `allow_empty`: a list that may rightly be empty (a firewall whose allow-list was
    cleared) still imports, so that what was in it before counts as gone.
    """
    if log.rows_read == 0 and not allow_empty:
        raise ImportRefused("refusal.no_access_rows", file=path.name, what=what)
    log.check_dates(fix_dates)
    return ParsedExport(
        source=source,
        kind=kind,
        rows_read=log.rows_read,
        skipped=log.skipped,
        warnings=log.all_warnings(),
        columns_mapped=columns_mapped or {},
        columns_unmapped=columns_unmapped,
        access=tuple(access),
        systems=tuple(systems),
        scopes=tuple(dict.fromkeys(scopes)),
        secrets_dropped=secrets_dropped,
    )
