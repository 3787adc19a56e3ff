"""TransIP (cloud servers): firewall allow-lists, the VPS list and WHOIS contacts, as the
REST API v6 answers them.

How the owner gets the files: ``python -m compliance pull transip`` fetches and imports all
of them (see `compliance.transip_pull`). By hand, save each API answer as it comes:

==============================  ===================================  =====================
file                            API call                             becomes
==============================  ===================================  =====================
transip_vps.json                GET /vps                             VPS descriptions and
                                                                     tags (linking hints)
transip_firewall_<vps>.json     GET /vps/<vps>/firewall              ``ip_address`` per
                                                                     allow-listed range
transip_ip-addresses_<vps>.json GET /vps/<vps>/ip-addresses          reverse-DNS names
                                                                     (linking hints)
transip_contacts_<domain>.json  GET /domains/<domain>/contacts       WHOIS contacts:
                                                                     ``contact`` data
transip_domains.json            GET /domains                         nothing kept
transip_invoices.json           GET /invoices                        nothing kept
==============================  ===================================  =====================

The firewall answer does not name its VPS: the file name does (``transip_firewall_<vps>``
or ``<vps>_firewall``). Several of these files zipped together import as one, in any order
(`etl.transip_bundle`); WHOIS contacts are read by `etl.transip_whois`.

An allow-listed address belongs to nobody in the file itself: the store links it to a
subject whose name or relation code appears in the rule's description, else in the VPS's
description, tags or reverse DNS (those may arrive in another file), or leaves it for the
owner to link on the Toegang page. ``0.0.0.0/0``, ``::/0`` and a rule without an
allow-list are open to everyone: not personal data, counted as skipped; so are internal
ranges (10/8, 172.16/12, 192.168/16, loopback, link-local, fc00::/7). A firewall file
lists its VPS completely: an address missing from a newer one is gone from the firewall.

TransIP's invoices are ICT Roermond's own purchase invoices, and a domain list without
contacts names domains only: both import as read but keep nothing.
"""

from __future__ import annotations

import ipaddress
import re
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from etl.access_rows import AccessEntries, finish_access
from etl.jsondoc import load_json
from etl.model import AccessRow, ImportRefused, ParsedExport, Said, SystemRow
from etl.reading import today_or
from etl.rows import ImportLog
from etl.values import cell_text

SOURCE = "transip"
HOW = Said("how.transip")
PUBLIC = ("0.0.0.0/0", "::/0")
_INTERNAL = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
        "100.64.0.0/10", "::1/128", "fc00::/7", "fe80::/10",
    )
)  # fmt: skip
# A file name is at most 255 characters on any file system; a ZIP member made on Windows
# may keep its folders in the name (with backslashes): allow a whole path (PATH_MAX).
_NAME_MAX = 4096
_WORDS = {"firewall": "firewall", "ip_addresses": r"ip[-_ ]?addresses", "contacts": "contacts"}


# ------------------------------------------------------------------------- detection
def json_kind(data: Any) -> str | None:
    """Which TransIP answer this is ("firewall", "vps", ...), or None when none."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("vpsFirewall"), dict):
        return "firewall"
    if isinstance(data.get("vpss"), list) or isinstance(data.get("vps"), dict):
        return "vps"
    if isinstance(data.get("ipAddresses"), list):
        return "ip_addresses"
    if isinstance(data.get("contacts"), list):
        return "domains"
    if isinstance(data.get("domains"), list) or isinstance(data.get("domain"), dict):
        return "domains"
    invoices = data.get("invoices")
    if isinstance(invoices, list) and all(isinstance(i, dict) for i in invoices):
        keys = {k for i in invoices[:20] for k in i}
        if not invoices or {"invoiceNumber", "invoiceStatus"} <= keys:
            return "purchase_invoices"
    return None


def name_from_file(file_name: str, word: str) -> str:
    """The VPS or domain a file name carries: transip_firewall_<vps>.json, <vps>_firewall."""
    stem = PurePosixPath(file_name).name
    if len(stem) > _NAME_MAX:
        # No file is named so (a ZIP member's name may run to 64 KB), and the patterns below
        # take quadratic time in a long run of "-" or "_": no name read from this one.
        return ""
    stem = re.sub(r"\.json$", "", stem, flags=re.IGNORECASE)
    pattern = _WORDS[word]
    if match := re.search(rf"(?:^|[-_. ]){pattern}[-_. ]+(.+)$", stem, re.IGNORECASE):
        return match.group(1).strip()
    if match := re.match(rf"^(?:transip[-_. ]+)?(.+?)[-_. ]+{pattern}$", stem, re.IGNORECASE):
        return match.group(1).strip()
    return ""


# ------------------------------------------------------------------------- parsing
def parse(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """One saved API answer (JSON) or a ZIP of several."""
    path = Path(path)
    if zipfile.is_zipfile(path):
        from etl.transip_bundle import parse_bundle

        return parse_bundle(path, as_of=as_of)
    return parse_json(path, load_json(path), as_of=as_of)


def parse_json(
    path: Path, data: Any, *, as_of: date | None = None, file_name: str | None = None
) -> ParsedExport:
    """A TransIP answer already loaded; `file_name` names a ZIP member."""
    name = file_name or path.name
    kind = json_kind(data)
    log = ImportLog(path, today_or(as_of))
    if kind == "firewall":
        return _firewall(path, name, data["vpsFirewall"], log)
    if kind == "vps":
        return _vps_list(path, data, log)
    if kind == "ip_addresses":
        return _ip_addresses(path, name, data["ipAddresses"], log)
    if kind == "domains":
        from etl.transip_whois import whois_contacts  # WHOIS contacts: contact data

        return whois_contacts(path, name, data, log)
    if kind == "purchase_invoices":
        log.rows_read = log.skipped = len(data["invoices"])
        log.warn("warning.transip_invoices", name=name)
        return informational(path, "purchase_invoices", log)
    raise ImportRefused("refusal.transip_unknown", file=path.name, how=HOW)


def informational(path: Path, kind: str, log: ImportLog) -> ParsedExport:
    return ParsedExport(
        source=SOURCE, kind=kind, rows_read=log.rows_read, skipped=log.skipped,
        warnings=log.all_warnings(), informational=True,
    )  # fmt: skip


def _network(raw: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(cell_text(raw), strict=False)
    except ValueError:
        return None


def _is_internal(net: ipaddress.IPv4Network | ipaddress.IPv6Network) -> bool:
    return any(net.version == n.version and net.subnet_of(n) for n in _INTERNAL)  # type: ignore[arg-type]


def _firewall(path: Path, name: str, firewall: dict[str, Any], log: ImportLog) -> ParsedExport:
    vps = name_from_file(name, "firewall")
    if not vps:
        vps = re.sub(r"\.json$", "", PurePosixPath(name).name, flags=re.IGNORECASE)
        log.warn("warning.firewall_unnamed", name=name, vps=vps)
    if firewall.get("isEnabled") is False:
        log.warn("warning.firewall_off", name=name, vps=vps)
    rules = firewall.get("ruleSet") or []
    if not isinstance(rules, list):
        raise ImportRefused("refusal.firewall_no_rules", file=path.name, how=HOW)
    entries = AccessEntries()
    for number, rule in enumerate(rules, start=1):
        if not isinstance(rule, dict):
            continue
        description = cell_text(rule.get("description"))
        protocol = (cell_text(rule.get("protocol")) or "tcp").upper()
        start, end = cell_text(rule.get("startPort")), cell_text(rule.get("endPort"))
        ports = start if not end or end == start else f"{start}-{end}"
        service = f"{protocol} {ports}".strip()
        item = f"{description} ({service})" if description else service
        whitelist = rule.get("whitelist") or []
        if not isinstance(whitelist, list):  # one address written bare: not its characters
            whitelist = [whitelist]
        if not whitelist:  # no allow-list: open to everyone on these ports
            log.rows_read += 1
            log.skipped += 1
            continue
        for raw in whitelist:
            log.rows_read += 1
            net = _network(raw)
            if net is None:
                log.skipped += 1
                log.warn(
                    "warning.not_an_ip_address", name=name, rule=number,
                    text=repr(cell_text(raw)[:40]),
                )  # fmt: skip
                continue
            if net.prefixlen == 0 or _is_internal(net):  # open to all, or internal
                log.skipped += 1
                continue
            address = str(net)
            entries.add(
                AccessRow(
                    category="ip_address",
                    ref=f"{vps}|{protocol}:{ports}|{address}",
                    scope=f"firewall:{vps}",
                    system=vps,
                    item=item,
                    holder=address,
                    detail=f"{address} · {vps} · {item}",
                    fields=("ip_address",),
                    hints=(description,) if description else (),
                )
            )
    # Public rules and internal ranges are counted as skipped: no person behind them.
    return finish_access(
        path, SOURCE, "firewall", log, what=Said("what.firewall_rules"), access=entries.rows(),
        systems=(SystemRow(vps),), scopes=(f"firewall:{vps}",), allow_empty=True,
    )  # fmt: skip


def _tags(value: Any) -> tuple[str, ...]:
    return tuple(cell_text(t) for t in value if cell_text(t)) if isinstance(value, list) else ()


def _vps_list(path: Path, data: dict[str, Any], log: ImportLog) -> ParsedExport:
    servers = data.get("vpss") if isinstance(data.get("vpss"), list) else [data.get("vps")]
    systems = []
    for server in servers:
        log.rows_read += 1
        name = cell_text(server.get("name")) if isinstance(server, dict) else ""
        if not name:
            log.skipped += 1
            continue
        description = cell_text(server.get("description"))
        hints = tuple(h for h in (description, *_tags(server.get("tags"))) if h)
        systems.append(SystemRow(name, description, hints))
    if not systems:
        raise ImportRefused("refusal.vps_list_empty", file=path.name, how=HOW)
    return finish_access(path, SOURCE, "vps", log, what=Said("what.vpss"), systems=systems)


def _ip_addresses(path: Path, name: str, addresses: list[Any], log: ImportLog) -> ParsedExport:
    vps = name_from_file(name, "ip_addresses")
    if not vps:
        raise ImportRefused("refusal.ip_addresses_unnamed", file=path.name)
    names = []
    for item in addresses:
        log.rows_read += 1
        reverse = cell_text(item.get("reverseDns")) if isinstance(item, dict) else ""
        if reverse and reverse not in names:
            names.append(reverse)
    # The server's own addresses are not personal data; only their reverse-DNS names may
    # name the client the VPS is for.
    log.skipped = log.rows_read
    return finish_access(
        path, SOURCE, "ip_addresses", log, what=Said("what.ip_addresses"),
        systems=(SystemRow(vps, "", tuple(names)),), allow_empty=True,
    )  # fmt: skip
