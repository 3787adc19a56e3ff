"""TransIP WHOIS contacts (``GET /domains/<domain>/contacts``, or contacts embedded in a
``GET /domains`` answer): the registrant's and administrative contact's name, KvK and
e-mail address as a subject with a ``contact`` record, like a bookkeeping relation. ICT
Roermond's own entries (as reseller or technical contact) are skipped. See `etl.transip`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from etl.access_rows import finish_access
from etl.model import ParsedExport, Said, SubjectRow
from etl.rows import ImportLog, Relation, Relations
from etl.transip import SOURCE, informational, name_from_file
from etl.values import cell_text


def _own_identity() -> tuple[set[str], set[str]]:
    """ICT Roermond's own KvK numbers and e-mail domains: its own WHOIS entries are skipped."""
    try:
        from compliance.policy import load_policy

        controller = load_policy().controller
    except Exception:  # no readable policy: keep every contact
        return set(), set()
    domains = {a.rpartition("@")[2].lower() for a in (controller.email, *controller.own_addresses)}
    return {controller.kvk}, domains


def whois_contacts(path: Path, name: str, data: dict[str, Any], log: ImportLog) -> ParsedExport:
    """WHOIS contacts: from /domains/<d>/contacts, or embedded in a domain list."""
    if isinstance(data.get("contacts"), list):
        groups = [(name_from_file(name, "contacts") or "domain", data["contacts"])]
        if not data["contacts"]:  # a domain without contacts of its own: nothing to keep
            log.warn("warning.whois_none", name=name)
            return informational(path, "domains", log)
    else:
        domains = data["domains"] if isinstance(data.get("domains"), list) else [data["domain"]]
        groups = [
            (cell_text(d.get("name")), d.get("contacts") or [])
            for d in domains
            if isinstance(d, dict)
        ]
        if not any(contacts for _, contacts in groups):
            log.rows_read = log.skipped = len(domains)
            log.warn("warning.whois_domains_only", name=name, n=len(domains))
            return informational(path, "domains", log)
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
                    ref=f"{domain}:{kind}",
                    where=Said("where.whois_contact", domain=domain, kind=kind),
                    company=company, person=person, emails=[email] if email else [],
                    kvk=kvk, is_company=bool(company) or None, contact_fields=filled,
                )
            )  # fmt: skip
    subjects: tuple[SubjectRow, ...] = relations.subjects()
    if log.rows_read and not subjects:
        log.warn("warning.whois_own", name=name)
        return informational(path, "domains", log)
    parsed = finish_access(path, SOURCE, "domains", log, what=Said("what.whois_contacts"))
    return replace(parsed, subjects=subjects, records=relations.records())


_CONTACT_KEYS = {
    "address": ("street", "number"), "postal_code": ("postalCode",), "city": ("city",),
    "country": ("country",), "phone": ("phoneNumber",), "fax": ("faxNumber",),
}  # fmt: skip
