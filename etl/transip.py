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
or ``<vps>_firewall``). Several of these files zipped together import as one (any order).

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
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from etl.access_rows import AccessEntries, finish_access
from etl.jsondoc import load_json
from etl.model import AccessRow, ImportRefused, ParsedExport, SubjectRow, SystemRow
from etl.reading import today_or
from etl.rows import ImportLog, Relation, Relations
from etl.values import cell_text

SOURCE = "transip"
HOW = (
    "save the answer of the TransIP API call as it comes (or run python -m compliance pull "
    "transip) and try again."
)
PUBLIC = ("0.0.0.0/0", "::/0")
_INTERNAL = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
        "100.64.0.0/10", "::1/128", "fc00::/7", "fe80::/10",
    )
)  # fmt: skip
MAX_BUNDLE_FILES = 2000
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
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


def name_from_file(file_name: str, word: str) -> str:
    """The VPS or domain a file name carries: transip_firewall_<vps>.json, <vps>_firewall."""
    stem = PurePosixPath(file_name).name
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
        return _domains(path, name, data, log)
    if kind == "purchase_invoices":
        log.rows_read = log.skipped = len(data["invoices"])
        log.warn(
            f"{name}: TransIP's invoices to ICT Roermond hold no client data; "
            "nothing from them is kept."
        )
        return _informational(path, "purchase_invoices", log)
    raise ImportRefused(
        f"{path.name}: this JSON is not a TransIP API answer (vps, firewall, ip-addresses, "
        f"domains, contacts or invoices); {HOW}"
    )


def _informational(path: Path, kind: str, log: ImportLog) -> ParsedExport:
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
        log.warn(
            f"{name}: the file name does not say which VPS this firewall belongs to; it is "
            f"listed as '{vps}'. Name it transip_firewall_<vps>.json next time."
        )
    if firewall.get("isEnabled") is False:
        log.warn(f"{name}: the firewall of {vps} is switched off: the server is open to all.")
    rules = firewall.get("ruleSet") or []
    if not isinstance(rules, list):
        raise ImportRefused(f"{path.name}: the firewall answer holds no list of rules; {HOW}")
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
        if not whitelist:  # no allow-list: open to everyone on these ports
            log.rows_read += 1
            log.skipped += 1
            continue
        for raw in whitelist:
            log.rows_read += 1
            net = _network(raw)
            if net is None:
                log.skipped += 1
                log.warn(f"{name}: rule {number}: {cell_text(raw)[:40]!r} is no IP address.")
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
        path, SOURCE, "firewall", log, what="firewall rules", access=entries.rows(),
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
        raise ImportRefused(f"{path.name}: the VPS list holds no VPS with a name; {HOW}")
    return finish_access(path, SOURCE, "vps", log, what="VPSs", systems=systems)


def _ip_addresses(path: Path, name: str, addresses: list[Any], log: ImportLog) -> ParsedExport:
    vps = name_from_file(name, "ip_addresses")
    if not vps:
        raise ImportRefused(
            f"{path.name}: the file name does not say which VPS these addresses belong to; "
            "save it as transip_ip-addresses_<vps>.json and try again."
        )
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
        path, SOURCE, "ip_addresses", log, what="IP addresses",
        systems=(SystemRow(vps, "", tuple(names)),), allow_empty=True,
    )  # fmt: skip


def _own_identity() -> tuple[set[str], set[str]]:
    """ICT Roermond's own KvK numbers and e-mail domains: its own WHOIS entries are skipped."""
    try:
        from compliance.policy import load_policy

        controller = load_policy().controller
    except Exception:  # no readable policy: keep every contact
        return set(), set()
    domains = {a.rpartition("@")[2].lower() for a in (controller.email, *controller.own_addresses)}
    return {controller.kvk}, domains


def _domains(path: Path, name: str, data: dict[str, Any], log: ImportLog) -> ParsedExport:
    """WHOIS contacts: from /domains/<d>/contacts, or embedded in a domain list."""
    if isinstance(data.get("contacts"), list):
        groups = [(name_from_file(name, "contacts") or "domain", data["contacts"])]
        if not data["contacts"]:  # a domain without contacts of its own: nothing to keep
            log.warn(f"{name}: this domain has no WHOIS contacts; nothing to keep.")
            return _informational(path, "domains", log)
    else:
        domains = data["domains"] if isinstance(data.get("domains"), list) else [data["domain"]]
        groups = [
            (cell_text(d.get("name")), d.get("contacts") or [])
            for d in domains
            if isinstance(d, dict)
        ]
        if not any(contacts for _, contacts in groups):
            log.rows_read = log.skipped = len(domains)
            log.warn(
                f"{name}: this domain list names {len(domains)} domains but no WHOIS contacts; "
                "save GET /domains/<domain>/contacts per domain (pull transip does this)."
            )
            return _informational(path, "domains", log)
    own_kvk, own_domains = _own_identity()
    relations = Relations(log)
    for domain, contacts in groups:
        for position, contact in enumerate(contacts, start=1):
            if not isinstance(contact, dict):
                continue
            log.rows_read += 1
            kind = cell_text(contact.get("type")) or str(position)
            email = cell_text(contact.get("email"))
            kvk = cell_text(contact.get("companyKvk"))
            if kvk in own_kvk or email.rpartition("@")[2].lower() in own_domains:
                log.skipped += 1  # ICT Roermond itself, as reseller or technical contact
                continue
            person = " ".join(
                p for p in (cell_text(contact.get("firstName")), cell_text(contact.get("lastName")))
                if p
            )  # fmt: skip
            company = cell_text(contact.get("companyName"))
            filled = {
                f for f, keys in _CONTACT_KEYS.items()
                if any(cell_text(contact.get(k)) for k in keys)
            }  # fmt: skip
            relations.add(
                Relation(
                    ref=f"{domain}:{kind}", where=f"domain {domain}, contact {kind}",
                    company=company, person=person, emails=[email] if email else [],
                    kvk=kvk, is_company=bool(company) or None, contact_fields=filled,
                )
            )  # fmt: skip
    subjects: tuple[SubjectRow, ...] = relations.subjects()
    if log.rows_read and not subjects:
        log.warn(f"{name}: every WHOIS contact is ICT Roermond itself; nothing to keep.")
        return _informational(path, "domains", log)
    parsed = finish_access(path, SOURCE, "domains", log, what="WHOIS contacts")
    return replace(parsed, subjects=subjects, records=relations.records())


_CONTACT_KEYS = {
    "address": ("street", "number"), "postal_code": ("postalCode",), "city": ("city",),
    "country": ("country",), "phone": ("phoneNumber",), "fax": ("faxNumber",),
}  # fmt: skip


# ------------------------------------------------------------------------- bundles
def parse_bundle(path: Path, *, as_of: date | None = None) -> ParsedExport:
    """A ZIP of TransIP answers: every JSON member parsed by content, merged into one."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(f"{path.name}: the ZIP file cannot be opened ({exc}).") from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_BUNDLE_FILES or sum(i.file_size for i in members) > MAX_BUNDLE_BYTES:
            raise ImportRefused(
                f"{path.name}: the ZIP file is larger than a TransIP export can be; "
                "zip only the saved API answers."
            )
        parts, ignored = [], []
        for info in sorted(members, key=lambda i: i.filename):
            if not info.filename.lower().endswith(".json"):
                ignored.append(info.filename)
                continue
            parts.append(_bundle_member(path, archive, info, as_of))
    if not parts:
        raise ImportRefused(f"{path.name}: the ZIP file holds no JSON answers; {HOW}")
    return _merge(path, parts, ignored)


def _bundle_member(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, as_of: date | None
) -> ParsedExport:
    import json

    member = PurePosixPath(info.filename).name
    try:
        data = json.loads(archive.read(info).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError, zipfile.BadZipFile):
        raise ImportRefused(
            f"{path.name}: {member} in the ZIP file is not valid JSON; {HOW}"
        ) from None
    try:
        return parse_json(path, data, as_of=as_of, file_name=member)
    except ImportRefused as exc:
        reason = str(exc).removeprefix(f"{path.name}: ")
        raise ImportRefused(f"{path.name}: {member}: {reason}") from None


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
        warnings.append(f"{len(ignored)} files in the ZIP are not JSON and were ignored.")
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
