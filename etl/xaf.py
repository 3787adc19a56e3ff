"""XML Auditfile Financieel (XAF 3.2, also 3.1): customers and their sales invoices.

How the owner gets the file:

- SnelStart: *Rapportages* (or *Bestand*) → *Exporteren* → *Auditfile*, choose the
  financial year, save the ``.xaf`` file.
- e-boekhouden.nl: *Beheer* → *Exporteren* → *Auditfile (XAF)*, choose the year, download.
- Any other Dutch package has the same menu item ("XML Auditfile Financieel", "XAF").

Every year is one file; import each year you still keep. Customers
(``customersSuppliers/customerSupplier`` with ``custSupTp`` C or B) become subjects with a
contact record; suppliers (S) are skipped and counted. Sales invoices come from the
transactions: a line with a ``custSupID`` in a sales journal (``jrnTp`` S), or, in a file
without journal types, a debit (``amntTp`` D) line of a customer. One invoice per distinct
``invRef`` (else ``docRef``, else journal id + transaction ``nr``), dated by the line's
``effDate`` or the transaction's ``trDt``; amounts are not kept. Invoice numbers are unique
per source in the store, so a reference booked on two customers keeps the first (warning).

The file is streamed (an audit file of a busy year runs to hundreds of megabytes) with
defusedxml, and a file with a DOCTYPE or entity declaration is refused unread: audit
files never have one, and entities are how XML bombs and file disclosure work.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml.common import DefusedXmlException

from etl.model import ImportRefused, ParsedExport, Said
from etl.reading import finish, today_or
from etl.rows import ImportLog, Invoices, Relation, Relations
from etl.tabular import HeaderMap

NAMESPACES = ("http://www.auditfiles.nl/XAF/3.2", "http://www.auditfiles.nl/XAF/3.1")
XAF_SOURCES = ("eboekhouden", "snelstart")
FIX_DATES = Said("how.xaf_again")
DATE = Said("what.date")
# Elements that repeat by the thousand: dropped from the tree once read.
_BULKY = {"ledgerAccount", "vatCode", "period", "obLine", "subledger", "basic", "sbLine"}
_CONTACT_TAGS = {"telephone": "phone", "fax": "fax", "website": "website",
                 "taxRegIdent": "vat_number"}  # fmt: skip
_ADDRESS_TAGS = {"streetname": "address", "city": "city", "postalCode": "postal_code",
                 "country": "country"}  # fmt: skip


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(elem: Element, name: str) -> str:
    for child in elem:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def source_from_software(software: str) -> str | None:
    """The source system named in header/softwareDesc, when it is one of ours."""
    text = software.lower()
    if "snelstart" in text:
        return "snelstart"
    if "boekhouden" in text:  # "e-Boekhouden.nl"
        return "eboekhouden"
    return None


def unknown_maker(path: Path, software: str) -> ImportRefused:
    """The refusal for an audit file whose header names neither of our two packages."""
    if not software:
        return ImportRefused("refusal.xaf_unnamed_maker", file=path.name)
    return ImportRefused("refusal.xaf_unknown_maker", file=path.name, software=repr(software))


# Element -> field, shown in the import preview like a CSV's column mapping.
ELEMENTS_READ = {
    "custSupID": "ref", "custSupName": "name", "contact": "contact_person", "eMail": "email",
    "telephone": "phone", "fax": "fax", "website": "website", "commerceNr": "kvk",
    "taxRegIdent": "vat_number", "streetAddress": "address", "postalAddress": "address",
    "bankAccNr": "iban", "bankIdCd": "bic", "custSupTp": "kind", "changeDateTime": "modified_on",
    "jrnTp": "journal_type", "invRef": "number", "docRef": "number", "trDt": "date",
    "effDate": "date", "amntTp": "debit_credit",
}  # fmt: skip


class _Reader:
    """The state of one streamed audit file."""

    def __init__(self, path: Path, source: str | None, as_of: date) -> None:
        self.path = path
        self.source = source
        self.software = ""
        self.log = ImportLog(path, as_of)
        self.relations = Relations(self.log)
        self.invoices = Invoices(self.log)
        self.suppliers: set[str] = set()
        self.journal_type: str | None = None
        self.journal_id = ""
        self.customers = 0
        self.transactions = 0

    def resolve_source(self) -> None:
        if self.source is not None:
            return
        self.source = source_from_software(self.software)
        if self.source is None:
            raise unknown_maker(self.path, self.software)

    def customer(self, elem: Element) -> None:
        self.log.rows_read += 1
        ref = _child_text(elem, "custSupID")
        kind = _child_text(elem, "custSupTp").upper()
        if kind == "S":
            self.suppliers.add(ref)
            self.log.skipped += 1
            return
        where = Said("where.customer", ref=ref or self.log.rows_read)
        if not ref:
            self.log.skipped += 1
            self.log.warn("warning.relation_no_custsupid", where=where)
            return
        self.customers += 1
        rel = Relation(ref=ref, where=where, company=_child_text(elem, "custSupName"))
        rel.person = _child_text(elem, "contact")
        rel.kvk = _child_text(elem, "commerceNr")
        rel.emails = [e for e in [_child_text(elem, "eMail")] if e]
        rel.is_company = True if rel.kvk or _child_text(elem, "taxRegIdent") else None
        rel.contact_fields = {f for tag, f in _CONTACT_TAGS.items() if _child_text(elem, tag)}
        for child in elem:
            name = local(child.tag)
            if name in {"streetAddress", "postalAddress"}:
                rel.contact_fields |= {f for t, f in _ADDRESS_TAGS.items() if _child_text(child, t)}
            elif name == "bankAccount" and not rel.iban:
                rel.iban, rel.bic = _child_text(child, "bankAccNr"), _child_text(child, "bankIdCd")
            elif name == "changeInfo":
                changed = _child_text(child, "changeDateTime")
                rel.modified_on = self.log.date(changed, where, "changeDateTime")
        self.relations.add(rel)

    def transaction(self, elem: Element) -> None:
        self.transactions += 1
        self.log.rows_read += 1
        number = _child_text(elem, "nr")
        raw_date = _child_text(elem, "trDt")
        for line in elem:
            if local(line.tag) != "trLine":
                continue
            customer = _child_text(line, "custSupID")
            if not customer or customer in self.suppliers:
                continue
            if self.journal_type is not None:
                if self.journal_type != "S":
                    continue
            elif _child_text(line, "amntTp").upper() != "D":
                continue
            # Without a reference the transaction number stands in; it is unique only
            # within its journal, hence the journal id in front.
            invoice = (
                _child_text(line, "invRef")
                or _child_text(line, "docRef")
                or (f"{self.journal_id}/{number}" if number else "")
            )
            where = Said("where.transaction", n=number or self.transactions)
            day = self.log.date(_child_text(line, "effDate") or raw_date, where, DATE)
            if not invoice or day is None:
                self.log.warn("warning.sales_line_incomplete", where=where)
                continue
            self.invoices.add(invoice, customer, day, where)


def _check_root(path: Path, elem: Element) -> None:
    namespace = elem.tag[1:].split("}")[0] if elem.tag.startswith("{") else ""
    if local(elem.tag) != "auditfile" or namespace not in NAMESPACES:
        raise ImportRefused(
            "refusal.xaf_wrong_root", file=path.name, root=repr(local(elem.tag)),
            namespace=repr(namespace or "none"),
        )  # fmt: skip


def parse(
    path: str | Path, source: str | None = None, *, as_of: date | None = None
) -> ParsedExport:
    """Customers and sales invoices of one audit file; `source` overrides softwareDesc."""
    path = Path(path)
    if source is not None and source not in XAF_SOURCES:
        raise ImportRefused("refusal.xaf_wrong_source", file=path.name, source=repr(source))
    reader = _Reader(path, source, today_or(as_of))
    try:
        with path.open("rb") as handle:
            _stream(handle, reader)
    except DefusedXmlException:
        raise ImportRefused("refusal.xaf_doctype", file=path.name) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ImportRefused(
            "refusal.xaf_not_xml", file=path.name, line=line, column=column
        ) from None
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    if reader.source is None:
        reader.resolve_source()
    log = reader.log
    return finish(
        path, reader.source or "", "auditfile", log, what=Said("what.customers_or_transactions"),
        fix_dates=FIX_DATES, subjects=reader.relations.subjects(),
        records=reader.relations.records(), invoices=reader.invoices.rows(),
        mapping=HeaderMap({}, dict(ELEMENTS_READ), ()),
    )  # fmt: skip


def _stream(handle: Any, reader: _Reader) -> None:
    stack: list[Element] = []
    events = safe_et.iterparse(handle, events=("start", "end"), forbid_dtd=True)
    for event, elem in events:
        if event == "start":
            if not stack:
                _check_root(reader.path, elem)
            elif local(elem.tag) == "company":
                reader.resolve_source()  # refuse before reading a possibly huge file
            elif local(elem.tag) == "journal":
                reader.journal_type, reader.journal_id = None, ""
            stack.append(elem)
            continue
        stack.pop()
        name = local(elem.tag)
        if name == "softwareDesc":
            reader.software = (elem.text or "").strip()
        elif name in {"jrnTp", "jrnID"} and stack and local(stack[-1].tag) == "journal":
            value = (elem.text or "").strip()
            if name == "jrnID":
                reader.journal_id = value
            else:
                reader.journal_type = value.upper() or None
        elif name == "customerSupplier":
            reader.customer(elem)
        elif name == "transaction":
            reader.transaction(elem)
        elif name not in _BULKY:
            continue
        # Read: drop it, so memory stays flat however long the file is.
        elem.clear()
        if stack:
            stack[-1].remove(elem)
