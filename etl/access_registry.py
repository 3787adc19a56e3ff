"""The access importers in the registry (`etl.KINDS`, `etl.detect`): TransIP, the password
vault and DSD Europe licences. Kept here so `etl/__init__.py` only lists them.

Detection reads the content: a ZIP of JSON answers (TransIP bundle), the top-level keys of a
JSON answer, the ``<KeePassFile>`` root of an XML export; CSV and XLSX go through the common
header matching (`TABULAR_SPECS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from etl import dsd, transip, transip_bundle, vault, vault_keepass
from etl.jsondoc import load_json
from etl.model import ImportRefused, ParsedExport
from etl.tabular import decode_head, map_headers, read_table, sniff_encoding

ACCESS_SOURCES = ("transip", "vault", "dsd")

# Kind(id, source, kind, formats, description_nl, description_en)
KIND_SPECS: tuple[tuple[str, str, str, tuple[str, ...], str, str], ...] = (
    ("transip.firewall", "transip", "firewall", ("json",),
     "TransIP firewall van één VPS (GET /vps/<vps>/firewall), opgeslagen als "
     "transip_firewall_<vps>.json: elk toegestaan IP-adres.",
     "TransIP firewall of one VPS (GET /vps/<vps>/firewall), saved as "
     "transip_firewall_<vps>.json: every allow-listed IP address."),
    ("transip.vps", "transip", "vps", ("json",),
     "TransIP VPS-lijst (GET /vps): omschrijvingen en tags om IP-adressen te koppelen.",
     "TransIP VPS list (GET /vps): descriptions and tags to link IP addresses."),
    ("transip.ip_addresses", "transip", "ip_addresses", ("json",),
     "TransIP adressen van een VPS (GET /vps/<vps>/ip-addresses): reverse-DNS als hint.",
     "TransIP addresses of a VPS (GET /vps/<vps>/ip-addresses): reverse DNS as a hint."),
    ("transip.domains", "transip", "domains", ("json",),
     "TransIP WHOIS-contacten (GET /domains/<domein>/contacts, of /domains).",
     "TransIP WHOIS contacts (GET /domains/<domain>/contacts, or /domains)."),
    ("transip.invoices", "transip", "purchase_invoices", ("json",),
     "TransIP-facturen aan ICT Roermond (GET /invoices): gelezen, niets bewaard.",
     "TransIP's invoices to ICT Roermond (GET /invoices): read, nothing kept."),
    ("transip.bundle", "transip", "bundle", ("zip",),
     "Een zip met TransIP-antwoorden (zoals pull transip ze opslaat), in één keer.",
     "A zip of TransIP answers (as pull transip saves them), all at once."),
    ("vault.bitwarden", "vault", "vault", ("csv", "json"),
     "Bitwarden-kluis (Tools → Export vault, .csv of .json): alleen de inventaris; "
     "wachtwoorden, TOTP en notities worden weggegooid.",
     "Bitwarden vault (Tools → Export vault, .csv or .json): the inventory only; "
     "passwords, TOTP and notes are discarded."),
    ("vault.keepass", "vault", "vault", ("csv", "xml"),
     "KeePass-database (File → Export, CSV of XML): alleen de inventaris; geheimen "
     "worden weggegooid.",
     "KeePass database (File → Export, CSV or XML): the inventory only; secrets are "
     "discarded."),
    ("dsd.licences", "dsd", "licences", ("csv", "xlsx"),
     "DSD Europe licenties (eindklant, product, licentiesleutel, orderdatum); de sleutel "
     "wordt gemaskeerd tot de laatste 4 tekens.",
     "DSD Europe licences (end customer, product, licence key, order date); the key is "
     "masked to its last 4 characters."),
)  # fmt: skip

# _TabularSpec(kind_id, aliases, required, parse) for CSV and XLSX.
TABULAR_SPECS = (
    ("vault.bitwarden", vault.BITWARDEN_ALIASES, vault.BITWARDEN_REQUIRED,
     vault.bitwarden_from_table),
    ("vault.keepass", vault.KEEPASS_ALIASES, vault.KEEPASS_REQUIRED, vault.keepass_from_table),
    ("dsd.licences", dsd.LICENCE_ALIASES, dsd.LICENCE_REQUIRED, dsd.licences_from_table),
)  # fmt: skip

_TRANSIP_KIND_IDS = {
    "firewall": "transip.firewall", "vps": "transip.vps",
    "ip_addresses": "transip.ip_addresses", "domains": "transip.domains",
    "purchase_invoices": "transip.invoices",
}  # fmt: skip
_JSON_MARKERS = re.compile(
    r'"(vpsFirewall|vpss|vps|ipAddresses|contacts|domains?|invoices|encrypted|folders|items)"'
    r"\s*:"
)
_LABELS = {"transip": "TransIP API", "vault": "Bitwarden or KeePass", "dsd": "DSD Europe"}

Found = tuple[str, str, Callable[..., ParsedExport]]


def detect(path: Path, head: bytes, source: str | None) -> Found | None:
    """(kind id, format, parser) for an access export in JSON, XML or ZIP form, else None.

    CSV and XLSX are left to the header matching of `etl._detect_table`.
    """
    if source is not None and source not in ACCESS_SOURCES:
        return None
    if head.startswith(b"PK"):
        if source in (None, "transip") and transip_bundle.is_bundle(path):
            return "transip.bundle", "zip", partial(transip_bundle.parse_bundle, path)
        return _table_for(path, source)
    encoding = sniff_encoding(head)
    if encoding == "binary":
        return None
    text = decode_head(head, encoding).lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        if source in (None, "vault") and vault_keepass.is_keepass_xml(text):
            return "vault.keepass", "xml", partial(vault_keepass.parse_keepass_xml, path)
        if source is not None:
            raise ImportRefused("refusal.wrong_source", file=path.name, source=repr(source))
        return None
    if not text.startswith(("{", "[")):
        return _table_for(path, source)
    if _JSON_MARKERS.search(text):
        data = load_json(path)
        kind = transip.json_kind(data)
        if kind is not None and source in (None, "transip"):
            return _TRANSIP_KIND_IDS[kind], "json", partial(transip.parse_json, path, data)
        if vault.is_bitwarden_json(data) and source in (None, "vault"):
            return "vault.bitwarden", "json", partial(vault.bitwarden_from_json, path, data)
    if source is not None:
        raise ImportRefused("refusal.json_not_access", file=path.name, system=_LABELS[source])
    return None


def _table_for(path: Path, source: str | None) -> Found | None:
    """With --source vault or dsd, a CSV/XLSX goes to that importer even when columns are
    missing, so the refusal names the missing column instead of "not recognised"."""
    specs = [spec for spec in TABULAR_SPECS if spec[0].startswith(f"{source}.")]
    if not specs:
        return None
    union = {f"{k}.{f}": list(a) for k, aliases, _, _ in specs for f, a in aliases.items()}
    table = read_table(path, union)
    kind_id, _, _, parse = max(
        specs, key=lambda spec: len(map_headers(table.headers, spec[1]).mapped)
    )
    return kind_id, table.format, partial(parse, table)
