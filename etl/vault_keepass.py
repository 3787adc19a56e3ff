"""KeePass XML (2.x) exports: the vault's inventory, every secret dropped while reading.

How the owner gets the file: KeePass 2 → *File* → *Export* → "KeePass XML (2.x)" (KeePassXC:
*Database* → *Export* → XML). The XML is read with defusedxml: a file declaring a DOCTYPE or
entities is refused. Of each entry only Title, UserName, URL (its host), the group path, the
UUID and the modification time are kept; Password, Notes, one-time-password seeds, every
other string field, attachments (``<Binary>``) and the entry's history are counted and
dropped (see `etl.vault` for what becomes what). Entries in the Recycle Bin still count as
held: empty the bin to really delete them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, parse

from etl.model import ImportRefused, ParsedExport
from etl.values import parse_date
from etl.vault import HOW_KEEPASS, VaultItem, VaultReader

KEPT = ("Title", "UserName", "URL")


def is_keepass_xml(text: str) -> bool:
    return "<KeePassFile" in text


def parse_keepass_xml(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    path = Path(path)
    try:
        root = parse(path, forbid_dtd=True).getroot()
    except DefusedXmlException:
        raise ImportRefused("refusal.keepass_doctype", file=path.name, how=HOW_KEEPASS) from None
    except ParseError as exc:
        raise ImportRefused(
            "refusal.keepass_damaged", file=path.name, problem=str(exc), how=HOW_KEEPASS
        ) from None
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    if root.tag != "KeePassFile" or root.find("Root") is None:
        raise ImportRefused("refusal.keepass_not", file=path.name, how=HOW_KEEPASS)
    reader = VaultReader(path, "keepass", as_of)
    bin_uuid = (root.findtext("Meta/RecycleBinUUID") or "").strip()
    in_bin = 0
    for top in root.find("Root").findall("Group"):
        # The top group is the database itself ("Root", "Database"): not a folder name.
        in_bin += _walk(reader, top, [], bin_uuid, False)
    if in_bin:
        reader.log.warn("warning.keepass_recycle_bin", n=in_bin)
    return reader.finish("vault")


def _walk(reader: VaultReader, group: Any, path: list[str], bin_uuid: str, in_bin: bool) -> int:
    counted = 0
    for entry in group.findall("Entry"):
        counted += int(in_bin)
        _entry(reader, entry, "/".join(path))
    for child in group.findall("Group"):
        name = (child.findtext("Name") or "").strip()
        is_bin = in_bin or bool(bin_uuid and (child.findtext("UUID") or "").strip() == bin_uuid)
        counted += _walk(reader, child, [*path, name] if name else path, bin_uuid, is_bin)
    return counted


def _entry(reader: VaultReader, entry: Any, folder: str) -> None:
    kept: dict[str, str] = {}
    for field in entry.findall("String"):
        key = (field.findtext("Key") or "").strip()
        value = field.findtext("Value") or ""
        if key in KEPT:
            kept[key] = value.strip()
        else:
            reader.drop([value])  # Password, Notes, otp, custom fields: counted, dropped
    reader.secrets_dropped += len(entry.findall("Binary"))  # attachments
    for old in entry.findall("History/Entry"):  # earlier versions: old passwords too
        reader.drop(
            s.findtext("Value")
            for s in old.findall("String")
            if (s.findtext("Key") or "").strip() not in KEPT
        )
        reader.secrets_dropped += len(old.findall("Binary"))
    # KDBX 4 writes times as base64 seconds; only the ISO form of an export is read.
    try:
        modified = parse_date((entry.findtext("Times/LastModificationTime") or "").strip())
    except ValueError:
        modified = None
    reader.add(
        VaultItem(
            item=kept.get("Title", ""),
            folder=folder,
            uri=kept.get("URL", ""),
            username=kept.get("UserName", ""),
            ref=(entry.findtext("UUID") or "").strip(),
            seen_on=modified,
        )
    )
