"""The password vault: Bitwarden (CSV, JSON) and KeePass (CSV; XML in `etl.vault_keepass`).

How the owner gets the file:

- Bitwarden: web vault → *Tools* → *Export vault* → format ``.csv`` or ``.json`` (not
  "encrypted"); an organisation vault the same way from the organisation's *Export*.
- KeePass 2: *File* → *Export* → "KeePass CSV (1.x)" or "KeePass XML (2.x)"; KeePassXC:
  *Database* → *Export* → CSV.

Such an export holds every password in clear text. Import it at once and delete the file
(and empty the bin); the importer itself keeps **only the inventory**: which item, in which
folder, for which system (the host of the URL, never its path or query) and which login
name. Passwords, TOTP seeds, notes, custom fields, passkeys, card and identity numbers,
password history and attachments are dropped while the file is read, before anything
reaches the database; only their number is reported ("12 secret fields discarded").

Each item becomes a ``credentials`` entry that the store links to the subject whose name,
relation code or e-mail address appears in (in this order) the item name, the folder, the
URL's host or the login name; the rest waits on the Toegang page for the owner to link.
The export lists the vault completely: an item missing from a newer export is gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from compliance.identity import normalise_email
from etl.access_rows import (
    AccessEntries,
    email_domain_words,
    finish_access,
    host_of,
    preview_mapping,
)
from etl.jsondoc import load_json
from etl.model import AccessRow, ImportRefused, ParsedExport, Said
from etl.reading import is_blank, open_table, today_or
from etl.rows import ImportLog
from etl.tabular import Table
from etl.values import cell_text

SOURCE = "vault"
HOW_BITWARDEN = Said("how.bitwarden")
HOW_KEEPASS = Said("how.keepass")
DATE, REVISION_DATE = Said("what.date"), Said("what.revision_date")

BITWARDEN_ALIASES: dict[str, list[str]] = {
    "name": ["name"], "type": ["type"], "folder": ["folder"], "collections": ["collections"],
    "uri": ["login_uri"], "username": ["login_username"], "password": ["login_password"],
    "totp": ["login_totp"], "notes": ["notes"], "fields": ["fields"],
    "passkeys": ["login_fido2Credentials"], "favorite": ["favorite"], "reprompt": ["reprompt"],
}  # fmt: skip
BITWARDEN_REQUIRED = (("name",), ("type",), ("username", "password", "uri"))
KEEPASS_ALIASES: dict[str, list[str]] = {
    "title": ["Account", "Title"], "username": ["Login Name", "Username", "User Name"],
    "password": ["Password"], "url": ["Web Site", "URL"], "notes": ["Comments", "Notes"],
    "group": ["Group", "Groups"], "totp": ["TOTP", "OTP"],
    "modified": ["Last Modified", "Modified"], "created": ["Created"], "icon": ["Icon"],
}  # fmt: skip
KEEPASS_REQUIRED = (("title",), ("username",), ("password",))
SECRET_COLUMNS = ("password", "totp", "notes", "fields", "passkeys")

# Bitwarden JSON: item type ids, and the secret keys of each part of an item.
_BW_TYPES = {1: "login", 2: "note", 3: "card", 4: "identity", 5: "ssh_key"}
_BW_SECRET_PARTS = {
    "login": ("password", "totp"),
    "card": ("number", "code", "expMonth", "expYear"),
    "identity": ("ssn", "passportNumber", "licenseNumber"),
    "sshKey": ("privateKey",),
}


@dataclass
class VaultItem:
    """One item as read, secrets already gone: only what the inventory needs."""

    item: str
    folder: str = ""
    uri: str = ""
    username: str = ""
    ref: str = ""
    seen_on: date | None = None


class VaultReader:
    """Items of one vault file, turned into `credentials` entries; counts what it drops."""

    def __init__(self, path: Path, flavour: str, as_of: date | None) -> None:
        self.path = path
        self.flavour = flavour  # "bitwarden" | "keepass"
        self.log = ImportLog(path, today_or(as_of))
        self.entries = AccessEntries()
        self.secrets_dropped = 0

    def drop(self, values: Iterable[Any]) -> None:
        """Count the non-empty secret values of one item; the values go nowhere."""
        self.secrets_dropped += sum(1 for v in values if _filled(v))

    def add(self, item: VaultItem) -> None:
        self.log.rows_read += 1
        if not item.item and not item.username and not item.uri:
            self.log.skipped += 1
            return
        host = host_of(_first_uri(item.uri))
        name = item.item or host or item.username
        email = normalise_email(item.username)
        hints = [name, *_folder_hints(item.folder), host, item.username]
        if email:
            hints.append(email_domain_words(email))
        login = "login " + item.username if item.username else ""
        parts = [name, host if host != name else "", login]
        fields = tuple(f for f, v in (("username", item.username), ("website", host)) if v)
        self.entries.add(
            AccessRow(
                category="credentials",
                ref=item.ref or "|".join((self.flavour, item.folder, name, item.username, host)),
                scope=f"vault:{self.flavour}",
                system=host or name,
                item=f"{item.folder}/{name}" if item.folder else name,
                holder=item.username,
                detail=" · ".join(p for p in parts if p),
                fields=fields,
                hints=tuple(dict.fromkeys(h for h in hints if h)),
                emails=(email,) if email else (),
                seen_on=item.seen_on,
            )
        )

    def finish(self, kind: str, **extra: Any) -> ParsedExport:
        # The count of dropped secrets goes into the summary (CLI and page), not a warning.
        return finish_access(
            self.path, SOURCE, kind, self.log, what=Said("what.vault_items"),
            access=self.entries.rows(), scopes=(f"vault:{self.flavour}",),
            secrets_dropped=self.secrets_dropped, **extra,
        )  # fmt: skip


def _filled(value: Any) -> bool:
    if isinstance(value, list | tuple | dict):
        return bool(value)
    return bool(cell_text(value))


def _first_uri(value: str) -> str:
    for part in value.replace("\n", ",").split(","):
        if part.strip():
            return part.strip()
    return ""


def _folder_hints(folder: str) -> list[str]:
    """The deepest folder first ("Klanten/Testkapsalon Nep" -> "Testkapsalon Nep", ...)."""
    parts = [p.strip() for p in folder.split("/") if p.strip()]
    return [*reversed(parts), folder] if len(parts) > 1 else parts


# ------------------------------------------------------------------------- CSV
def _check_width(table: Table, number: int, cells: tuple[Any, ...], how: Said) -> None:
    """A row split into other columns than its header (another delimiter, an unquoted comma)
    could move a password into a column that is kept: the whole file is refused."""
    width = len(table.headers)
    extra = any(cell_text(c) for c in cells[width:])
    if extra or (table.format == "csv" and len(cells) != width):
        if len(cells) == 1:
            raise ImportRefused(
                "refusal.row_width_one", file=table.path.name, row=number, width=width, how=how
            )
        raise ImportRefused(
            "refusal.row_width", file=table.path.name, row=number, cells=len(cells), width=width,
            how=how,
        )  # fmt: skip


def bitwarden_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.bitwarden_export")
    table, cols = open_table(source, BITWARDEN_ALIASES, BITWARDEN_REQUIRED, what, HOW_BITWARDEN)
    reader = VaultReader(table.path, "bitwarden", as_of)
    for number, cells in table.rows():
        if is_blank(cells):
            continue
        _check_width(table, number, cells, HOW_BITWARDEN)
        custom = cols.text(cells, "fields")
        reader.drop([*(cols.first(cells, f) for f in SECRET_COLUMNS if f != "fields")])
        reader.drop(line for line in custom.splitlines())
        folder = cols.text(cells, "folder") or cols.text(cells, "collections")
        reader.add(
            VaultItem(
                item=cols.text(cells, "name"),
                folder=folder,
                uri=cols.text(cells, "uri"),
                username=cols.text(cells, "username"),
            )
        )
    mapped = preview_mapping(cols, "vault", SECRET_COLUMNS)
    return reader.finish("vault", columns_mapped=mapped, columns_unmapped=cols.unmapped)


def keepass_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.keepass_export")
    table, cols = open_table(source, KEEPASS_ALIASES, KEEPASS_REQUIRED, what, HOW_KEEPASS)
    reader = VaultReader(table.path, "keepass", as_of)
    for number, cells in table.rows():
        if is_blank(cells):
            continue
        _check_width(table, number, cells, HOW_KEEPASS)
        reader.drop(cols.first(cells, f) for f in SECRET_COLUMNS)
        group = cols.text(cells, "group")
        reader.add(
            VaultItem(
                item=cols.text(cells, "title"),
                folder=group.removeprefix("Root/").removeprefix("Root") if group else "",
                uri=cols.text(cells, "url"),
                username=cols.text(cells, "username"),
                seen_on=reader.log.date(
                    cols.first(cells, "modified"), Said("where.row", n=number), DATE
                ),
            )
        )
    mapped = preview_mapping(cols, "vault", SECRET_COLUMNS)
    return reader.finish("vault", columns_mapped=mapped, columns_unmapped=cols.unmapped)


# ------------------------------------------------------------------------- Bitwarden JSON
def is_bitwarden_json(data: Any) -> bool:
    """A Bitwarden export: its items with folders or collections, or the encrypted form."""
    if not isinstance(data, dict):
        return False
    if data.get("encrypted") is True or "encKeyValidation_DO_NOT_EDIT" in data:
        return True
    return isinstance(data.get("items"), list) and (
        "encrypted" in data or "folders" in data or "collections" in data
    )


def parse_bitwarden_json(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    path = Path(path)
    return bitwarden_from_json(path, load_json(path), as_of)


def bitwarden_from_json(path: Path, data: Any, as_of: date | None = None) -> ParsedExport:
    if data.get("encrypted") is True or "encKeyValidation_DO_NOT_EDIT" in data:
        raise ImportRefused("refusal.bitwarden_encrypted", file=path.name)
    folders = _names(data.get("folders"))
    collections = _names(data.get("collections"))
    reader = VaultReader(path, "bitwarden", as_of)
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        kind = _BW_TYPES.get(item.get("type"), "")
        login = item.get("login") if isinstance(item.get("login"), dict) else {}
        reader.drop([item.get("notes")])
        for many in (item.get("fields"), item.get("attachments"), item.get("passwordHistory")):
            reader.drop(_listed(many))
        reader.drop(_listed(login.get("fido2Credentials")))
        for part, keys in _BW_SECRET_PARTS.items():
            section = item.get(part) if isinstance(item.get(part), dict) else {}
            reader.drop(section.get(k) for k in keys)
        folder = folders.get(cell_text(item.get("folderId")), "") or ", ".join(
            collections[c] for c in item.get("collectionIds") or [] if c in collections
        )
        uris = login.get("uris") if isinstance(login.get("uris"), list) else []
        uri = next((cell_text(u.get("uri")) for u in uris if isinstance(u, dict)), "")
        where = Said("where.item", name=repr(cell_text(item.get("name"))[:40]))
        seen = reader.log.date(item.get("revisionDate"), where, REVISION_DATE)
        reader.add(
            VaultItem(
                item=cell_text(item.get("name")),
                folder=folder,
                uri=uri,
                username=cell_text(login.get("username")) if kind == "login" else "",
                ref=cell_text(item.get("id")),
                seen_on=seen,
            )
        )
    return reader.finish("vault")


def _names(value: Any) -> dict[str, str]:
    if not isinstance(value, list):
        return {}
    return {cell_text(v.get("id")): cell_text(v.get("name")) for v in value if isinstance(v, dict)}


def _listed(value: Any) -> list[Any]:
    """Each element of a list counts as one secret (a custom field, a passkey, ...)."""
    return value if isinstance(value, list) else ([value] if value else [])
