"""SnelStart: relations and sales invoices (CSV, XLSX or B2B API v2 JSON).

How the owner gets the files:

1. Relations: in SnelStart, open *Relaties* → *Overzicht relaties*, choose the
   *Klanten* view (or all relations), then *Exporteren* → Excel or CSV; save the file.
   SnelStart's own import/export format with ``Fld``-prefixed headers (``FldRelatiecode``)
   is read as well. With a B2B API subscription: save ``GET /v2/relaties`` as JSON.
2. Sales invoices: *Verkoop* → *Verkoopfacturen*, period "alles", *Exporteren*; or save
   ``GET /v2/verkoopfacturen`` as JSON.

Which key is a relation's ``ref``: the screen exports identify a relation by its
**Relatiecode** (and invoice lists point at it the same way, as does SnelStart's XAF audit
file); the API identifies it by its **id** (a GUID) and ``verkoopfacturen`` point at it by
``relatie.id`` only. So ``ref`` is the Relatiecode for CSV/XLSX files and the API id for
JSON files; import relations and invoices in the same form.

Suppliers ("Leverancier" without "Klant") are not data subjects of this dashboard: they are
skipped and counted in ``skipped``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from etl.invoice_list import read_invoices
from etl.model import ParsedExport, Said
from etl.reading import counted_rows, finish, open_json_list, open_table, today_or
from etl.rows import ImportLog, Invoices, Relation, Relations, add_invoice, mandate_on_file
from etl.tabular import Table, map_headers
from etl.values import cell_text, parse_bool

SOURCE = "snelstart"
HOW_RELATIONS = Said("how.snelstart_relations")
HOW_INVOICES = Said("how.snelstart_invoices")
FIX_DATES = Said("how.dates_dd_mm_jjjj")
RELATIONS, INVOICES = Said("what.relations"), Said("what.invoices")
MANDATE_DATE, MODIFIED_ON = Said("what.mandate_date"), Said("what.modification_date")
ADDED_ON = Said("what.creation_date")

RELATION_ALIASES: dict[str, list[str]] = {
    "ref": ["Relatiecode", "Relatienummer", "Klantcode"],
    "name": ["Naam", "Relatienaam"],
    "person": ["Contactpersoon"],
    "kind": ["Relatiesoort", "Soort relatie"],
    "address": ["Adres", "Straat", "Vestigingsadres", "Correspondentieadres"],
    "postal_code": ["Postcode"],
    "city": ["Plaats", "Woonplaats"],
    "country": ["LandID", "Land"],
    "phone": ["Telefoonnummer", "Telefoon"],
    "mobile": ["Mobielnummer", "Mobiele telefoon"],
    "fax": ["Faxnummer", "Fax"],
    "email": ["Emailadres", "E-mailadres", "Email", "E-mail"],
    "website": ["Website", "WebsiteUrl"],
    "vat_number": ["BTW nummer", "BTW-nummer", "Btwnummer"],
    "kvk": ["Nummer kvk", "KvK-nummer", "KvK nummer"],
    "iban": ["IBAN", "Bankrekeningnummer", "Bankrekening"],
    "bic": ["BIC"],
    "holder_name": ["Naam rekeninghouder"],
    "holder_city": ["Plaats rekeninghouder"],
    "mandate": ["Incassosoort", "Incasso soort", "Machtiging", "Incassomachtiging"],
    "mandate_date": ["Machtigingsdatum", "Datum machtiging"],
    "inactive": ["Nonactief", "Non-actief", "Inactief"],
    "note": ["Memo", "Notitie", "Opmerking"],
    "modified_on": ["Gewijzigd op", "ModifiedOn", "Laatst gewijzigd"],
    "added_on": ["Aangemaakt op", "Datum aangemaakt", "Aanmaakdatum"],
    "credit_term": ["Krediettermijn"],  # not personal data; mapped so detection knows it
}
INVOICE_ALIASES: dict[str, list[str]] = {
    "number": ["Factuurnummer", "Factuurnr", "Factuur"],
    "relation": ["Relatiecode", "Klantcode", "Debiteurcode", "Klantnummer"],
    "date": ["Factuurdatum", "Datum", "Boekdatum"],
    "due_date": ["Vervaldatum"],
    "amount": ["Bedrag", "Factuurbedrag", "Openstaand saldo", "Openstaand"],
}
RELATION_REQUIRED = (("ref",), ("name", "person"))
INVOICE_REQUIRED = (("number",), ("relation",), ("date",))

API_RELATION_KEYS: dict[str, list[str]] = {
    "ref": ["id"], "code": ["relatiecode"], "kind": ["relatiesoort"], "name": ["naam"],
    "address": ["vestigingsAdres", "correspondentieAdres"], "phone": ["telefoon"],
    "mobile": ["mobieleTelefoon"], "fax": ["fax"],
    "email": ["email", "factuurEmailVersturen", "aanmaningEmailVersturen", "offerteEmailVersturen"],
    "website": ["websiteUrl"], "vat_number": ["btwNummer"], "kvk": ["kvkNummer"],
    "iban": ["iban"], "bic": ["bic"], "mandate": ["incassoSoort"], "note": ["memo"],
    "inactive": ["nonactief"], "modified_on": ["modifiedOn"],
}  # fmt: skip
API_INVOICE_KEYS: dict[str, list[str]] = {
    "number": ["factuurnummer"], "date": ["factuurDatum"], "due_date": ["vervalDatum"],
    "amount": ["factuurBedrag", "openstaandSaldo"], "relation": ["relatie"],
}  # fmt: skip
# Lower-cased keys that identify each API answer (also used by the registry).
API_RELATION_NEEDED = frozenset({"id", "relatiecode", "naam"})
API_INVOICE_NEEDED = frozenset({"factuurnummer", "relatie"})
_CONTACT_FIELDS = (
    "address", "postal_code", "city", "country", "phone", "mobile", "fax", "website", "note",
    "vat_number",
)  # fmt: skip
_ADDRESS_PARTS = {"straat": "address", "postcode": "postal_code", "plaats": "city",
                  "land": "country"}  # fmt: skip


def is_supplier_only(kind: Any) -> bool:
    """True for "Leverancier" without "Klant", in a list (API) or as text (screen export)."""
    words = " ".join(cell_text(k) for k in kind) if isinstance(kind, list) else cell_text(kind)
    words = words.lower()
    return "leverancier" in words and "klant" not in words and "beide" not in words


def _company_hint(kvk: str, vat: str) -> bool | None:
    # SnelStart has no company/private flag: a KvK or VAT number means a company, and
    # otherwise the export does not say.
    return True if kvk or vat else None


def parse_relations(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """Relations from a CSV/XLSX export or a B2B API ``/v2/relaties`` JSON answer."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        records = open_json_list(path, RELATIONS, HOW_RELATIONS, API_RELATION_NEEDED)
        return relations_from_json(path, records, as_of)
    return relations_from_table(path, as_of)


def relations_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.snelstart_relations")
    table, cols = open_table(source, RELATION_ALIASES, RELATION_REQUIRED, what, HOW_RELATIONS)
    log = ImportLog(table.path, today_or(as_of))
    relations = Relations(log)
    for number, cells in counted_rows(table, log):
        if is_supplier_only(cols.text(cells, "kind")):
            log.skipped += 1
            continue
        where = Said("where.row", n=number)
        ref = cols.text(cells, "ref")
        if not ref:
            log.skipped += 1
            log.warn("warning.relation_no_relatiecode", where=where)
            continue
        kvk, vat = cols.text(cells, "kvk"), cols.text(cells, "vat_number")
        payment = {"name"} if cols.text(cells, "holder_name") else set()
        if cols.text(cells, "holder_city"):
            payment.add("city")
        relations.add(
            Relation(
                ref=ref,
                where=where,
                company=cols.text(cells, "name"),
                person=cols.text(cells, "person"),
                emails=[cell_text(v) for v in cols.values(cells, "email")],
                kvk=kvk,
                iban=_account(cols.values(cells, "iban")),
                bic=cols.text(cells, "bic"),
                mandate=any(mandate_on_file(v) for v in cols.values(cells, "mandate")),
                mandate_date=log.date(cols.first(cells, "mandate_date"), where, MANDATE_DATE),
                is_company=_company_hint(kvk, vat),
                inactive=parse_bool(cols.first(cells, "inactive")) is True,
                added_on=log.date(cols.first(cells, "added_on"), where, ADDED_ON),
                modified_on=log.date(cols.first(cells, "modified_on"), where, MODIFIED_ON),
                contact_fields={f for f in _CONTACT_FIELDS if cols.values(cells, f)},
                payment_fields=payment,
            )
        )
    return finish(
        table.path, SOURCE, "relations", log, what=RELATIONS, fix_dates=FIX_DATES,
        subjects=relations.subjects(), records=relations.records(), mapping=cols,
    )  # fmt: skip


def _account(values: list[Any]) -> str:
    """The IBAN column, else Bankrekeningnummer (which often holds the IBAN as well)."""
    texts = [cell_text(v) for v in values]
    return next((t for t in texts if t[:2].isalpha()), texts[0] if texts else "")


def _api_emails(item: dict[str, Any]) -> list[str]:
    # Besides "email", the API keeps addresses per document kind, e.g.
    # factuurEmailVersturen {"email", "ccEmail"}: those are personal data too.
    found = [cell_text(item.get("email"))]
    for key, value in item.items():
        if str(key).lower().endswith("emailversturen") and isinstance(value, dict):
            found += [cell_text(value.get("email")), cell_text(value.get("ccEmail"))]
    return [f for f in found if f]


def relations_from_json(
    path: Path, records: list[dict[str, Any]], as_of: date | None = None
) -> ParsedExport:
    log = ImportLog(path, today_or(as_of))
    relations = Relations(log)
    for position, item in enumerate(records, start=1):
        log.rows_read += 1
        if is_supplier_only(item.get("relatiesoort") or []):
            log.skipped += 1
            continue
        ref = cell_text(item.get("id"))
        code = cell_text(item.get("relatiecode"))
        where = (
            Said("where.relation_code", n=position, code=code)
            if code
            else Said("where.relation", n=position)
        )
        if not ref:
            log.skipped += 1
            log.warn("warning.relation_no_id", where=where)
            continue
        # The address is only known through its parts (vestigingsAdres.straat, ...).
        keys = {f: ks for f, ks in API_RELATION_KEYS.items() if f != "address"}
        filled = {f for f in _CONTACT_FIELDS for k in keys.get(f, ()) if cell_text(item.get(k))}
        person = ""
        for key in ("vestigingsAdres", "correspondentieAdres"):
            address = item.get(key)
            if isinstance(address, dict):
                person = person or cell_text(address.get("contactpersoon"))
                filled |= {f for part, f in _ADDRESS_PARTS.items() if cell_text(address.get(part))}
        kvk, vat = cell_text(item.get("kvkNummer")), cell_text(item.get("btwNummer"))
        relations.add(
            Relation(
                ref=ref,
                where=where,
                company=cell_text(item.get("naam")),
                person=person,
                emails=_api_emails(item),
                kvk=kvk,
                iban=cell_text(item.get("iban")),
                bic=cell_text(item.get("bic")),
                mandate=mandate_on_file(item.get("incassoSoort")),
                is_company=_company_hint(kvk, vat),
                inactive=parse_bool(item.get("nonactief")) is True,
                modified_on=log.date(item.get("modifiedOn"), where, "modifiedOn"),
                contact_fields=filled,
            )
        )
    present = sorted({str(k) for record in records[:50] for k in record})
    return finish(
        path, SOURCE, "relations", log, what=RELATIONS, fix_dates=FIX_DATES,
        subjects=relations.subjects(), records=relations.records(),
        mapping=map_headers(present, API_RELATION_KEYS),
    )  # fmt: skip


def parse_invoices(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """Sales invoices from a CSV/XLSX list or a B2B API ``/v2/verkoopfacturen`` answer."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        records = open_json_list(path, INVOICES, HOW_INVOICES, API_INVOICE_NEEDED)
        return invoices_from_json(path, records, as_of)
    return invoices_from_table(path, as_of)


def invoices_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.snelstart_invoices")
    table, cols = open_table(source, INVOICE_ALIASES, INVOICE_REQUIRED, what, HOW_INVOICES)
    log = ImportLog(table.path, today_or(as_of))
    return finish(
        table.path, SOURCE, "invoices", log, what=INVOICES, fix_dates=FIX_DATES,
        invoices=read_invoices(table, cols, log), mapping=cols,
    )  # fmt: skip


def invoices_from_json(
    path: Path, records: list[dict[str, Any]], as_of: date | None = None
) -> ParsedExport:
    log = ImportLog(path, today_or(as_of))
    invoices = Invoices(log)
    for position, item in enumerate(records, start=1):
        log.rows_read += 1
        relation = item.get("relatie")
        ref = cell_text(relation.get("id")) if isinstance(relation, dict) else ""
        number = cell_text(item.get("factuurnummer"))
        where = Said("where.invoice", n=position)
        add_invoice(log, invoices, where, number, ref, item.get("factuurDatum"))
    present = sorted({str(k) for record in records[:50] for k in record})
    return finish(
        path, SOURCE, "invoices", log, what=INVOICES, fix_dates=FIX_DATES,
        invoices=invoices.rows(), mapping=map_headers(present, API_INVOICE_KEYS),
    )  # fmt: skip
