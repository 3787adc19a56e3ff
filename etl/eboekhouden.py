"""e-boekhouden.nl: relations, invoices and mutations (CSV, XLSX or REST JSON).

How the owner gets the files:

1. Relations: log in to e-boekhouden.nl, open *Relaties*, select all relations and choose
   *Exporteren* (CSV or Excel); save the file. Or, with an API token, save the answer of
   ``GET /v1/relation`` as ``relaties.json``.
2. Invoices: open *Facturen* → *Overzicht*, set the period to "alles" and export (CSV or
   Excel); or save ``GET /v1/invoice`` as ``facturen.json``.
3. Mutations (when no invoice list is at hand): *Boekhouden* → *Mutaties* → *Overzicht*,
   period "alles", export; rows of kind *FactuurVerstuurd* are the sent invoices.

Which key is a relation's ``ref``: the CSV/XLSX exports (SOAP field names) identify a
relation by its **Code**, and their invoices and mutations point at it by ``Relatiecode``;
the REST API identifies it by its numeric **id**, and REST invoices point at it by
``relationId``. A file alone cannot translate one into the other, so ``ref`` is the Code
for every CSV/XLSX file and the numeric id for every JSON file. Import relations and
invoices in the same form; the store links the two forms of one client by KvK, e-mail
and IBAN like any two systems.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from etl.csv_columns import give_back, plain_columns
from etl.invoice_list import read_invoices
from etl.model import ParsedExport, RecordRow, Said, SubjectRow
from etl.reading import counted_rows, finish, open_json_list, open_table, today_or
from etl.relation_columns import relation_fields, relations_by_columns
from etl.rows import (
    ImportLog,
    Invoices,
    Relation,
    Relations,
    add_invoice,
    is_company_of,
    mandate_on_file,
)
from etl.tabular import HeaderMap, Table, map_headers
from etl.values import cell_text, parse_bool

SOURCE = "eboekhouden"
HOW_RELATIONS = Said("how.eboekhouden_relations")
HOW_INVOICES = Said("how.eboekhouden_invoices")
HOW_MUTATIONS = Said("how.eboekhouden_mutations")
FIX_DATES = Said("how.dates_dd_mm_jjjj")
RELATIONS, INVOICES = Said("what.relations"), Said("what.invoices")
MANDATE_DATE, MODIFIED_ON = Said("what.mandate_date"), Said("what.modification_date")

# Field -> header spellings. The first spelling is the one named in refusals.
RELATION_ALIASES: dict[str, list[str]] = {
    "ref": ["Code", "Relatiecode", "Relatie code"],
    "id": ["ID", "RelatieID"],
    "added_on": ["AddDatum", "Datum toegevoegd", "Toegevoegd op", "Aanmaakdatum"],
    "modified_on": ["Gewijzigd op", "Laatst gewijzigd", "Wijzigingsdatum"],
    "company": ["Bedrijf", "Bedrijfsnaam"],
    "person": ["Contactpersoon"],
    "bp": ["BP", "Bedrijf/Particulier", "Bedrijf of particulier"],
    "address": ["Adres", "Adres2", "Straat"],
    "postal_code": ["Postcode", "Postcode2"],
    "city": ["Plaats", "Plaats2"],
    "country": ["Land", "Land2"],
    "phone": ["Telefoon"],
    "mobile": ["GSM", "Mobiel"],
    "fax": ["FAX"],
    "email": ["Email", "E-mail", "E-mailadres", "Email factuur", "E-mail facturen"],
    "website": ["Site", "Website"],
    "note": ["Notitie", "Notities", "Opmerkingen", *[f"Def{i}" for i in range(1, 11)]],
    "vat_number": ["BTWNummer", "BTW-nummer", "Btw nummer"],
    "kvk": ["KvkNummer", "KvK-nummer", "KvK nummer"],
    "iban": ["IBAN", "Rekeningnummer"],
    "bic": ["BIC"],
    "inactive": ["Inactief", "Non-actief"],
    "active": ["Actief"],
    "mandate": ["Machtiging", "Incassomachtiging", "MachtigingID", "Kenmerk machtiging"],
    "mandate_date": ["Machtigingsdatum", "Datum machtiging", "Machtiging getekend op"],
}
INVOICE_ALIASES: dict[str, list[str]] = {
    "number": ["Factuurnummer", "Factuurnr", "Factuur nummer"],
    "relation": ["Relatiecode", "Relatie code", "Code relatie"],
    "date": ["Datum", "Factuurdatum"],
    # Not read (amounts are not kept), but they tell this list from SnelStart's.
    "amount": ["TotaalInclBTW", "TotaalExclBTW", "TotaalBTW", "TotaalOpenstaand"],
    "payment_term": ["Betalingstermijn"],
}
MUTATION_ALIASES: dict[str, list[str]] = {
    "mutation": ["MutatieNr", "Mutatienummer", "Mutatie nr"],
    "kind": ["Soort", "Mutatiesoort"],
    "date": ["Datum"],
    "relation": ["RelatieCode", "Relatie code"],
    "number": ["Factuurnummer", "Factuurnr"],
}
RELATION_REQUIRED = (("ref",), ("company", "person"))
INVOICE_REQUIRED = (("number",), ("relation",), ("date",))
MUTATION_REQUIRED = (("mutation",), ("kind",), ("relation",), ("date",))

# REST JSON keys (camelCase) -> field, for the preview and for detection.
REST_RELATION_KEYS: dict[str, list[str]] = {
    "ref": ["id"], "code": ["code"], "bp": ["type"], "added_on": ["date"],
    "company": ["name"], "person": ["contact"], "address": ["address"],
    "postal_code": ["postalCode"], "city": ["city"], "country": ["country"],
    "phone": ["phoneNumber"], "mobile": ["mobilePhoneNumber"], "fax": ["faxNumber"],
    "email": ["emailAddress", "emailAddressInvoice"], "website": ["website"],
    "note": ["note"], "vat_number": ["vatNumber"], "inactive": ["inactive"],
    "kvk": ["companyRegistrationNumber"], "iban": ["iban"], "bic": ["bic"],
    "mandate": ["mandate", "mandateType", "mandateId"], "mandate_date": ["mandateSignedDate"],
}  # fmt: skip
REST_INVOICE_KEYS: dict[str, list[str]] = {
    "number": ["invoiceNumber"], "relation": ["relationId"], "date": ["date"],
}  # fmt: skip
# Lower-cased keys that identify each REST answer (also used by the registry).
REST_RELATION_NEEDED = frozenset({"id", "code", "name"})
REST_INVOICE_NEEDED = frozenset({"invoicenumber", "relationid"})
_CONTACT_FIELDS = (
    "address", "postal_code", "city", "country", "phone", "mobile", "fax", "website", "note",
    "vat_number",
)  # fmt: skip


def parse_relations(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """Relations from a CSV/XLSX export or a REST ``/v1/relation`` JSON answer."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        records = open_json_list(path, RELATIONS, HOW_RELATIONS, REST_RELATION_NEEDED)
        return relations_from_json(path, records, as_of)
    return relations_from_table(path, as_of)


def relations_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.eboekhouden_relations")
    table, cols = open_table(source, RELATION_ALIASES, RELATION_REQUIRED, what, HOW_RELATIONS)
    log = ImportLog(table.path, today_or(as_of))
    cells = plain_columns(table)
    if cells is None:
        subjects, records = _relations_by_rows(table, cols, log)
    else:  # a plain CSV (nearly every export): the same rules a column at a time
        fields = relation_fields(cells, cols, _CONTACT_FIELDS)
        del cells  # the whole file's columns: gone before the rows are made
        subjects, records = relations_by_columns(fields, log)
        del fields
        give_back()
    return finish(
        table.path, SOURCE, "relations", log, what=RELATIONS, fix_dates=FIX_DATES,
        subjects=subjects, records=records, mapping=cols,
    )  # fmt: skip


def _relations_by_rows(
    table: Table, cols: HeaderMap, log: ImportLog
) -> tuple[tuple[SubjectRow, ...], tuple[RecordRow, ...]]:
    """The reference reading, one row at a time (etl.relation_columns follows it)."""
    relations = Relations(log)
    for number, cells in counted_rows(table, log):
        where = Said("where.row", n=number)
        ref = cols.text(cells, "ref")
        if not ref:
            log.skipped += 1
            log.warn("warning.relation_no_code", where=where)
            continue
        company, mandate_values = cols.text(cells, "company"), cols.values(cells, "mandate")
        inactive = parse_bool(cols.first(cells, "inactive"))
        if inactive is None and cols.has("active"):
            inactive = parse_bool(cols.first(cells, "active")) is False
        rel = Relation(
            ref=ref,
            where=where,
            company=company,
            person=cols.text(cells, "person"),
            emails=[cell_text(v) for v in cols.values(cells, "email")],
            kvk=cols.text(cells, "kvk"),
            iban=cols.text(cells, "iban"),
            bic=cols.text(cells, "bic"),
            mandate=any(mandate_on_file(v) for v in mandate_values),
            mandate_date=log.date(cols.first(cells, "mandate_date"), where, MANDATE_DATE),
            is_company=is_company_of(cols.text(cells, "bp"), company),
            inactive=bool(inactive),
            added_on=log.date(cols.first(cells, "added_on"), where, "AddDatum"),
            modified_on=log.date(cols.first(cells, "modified_on"), where, MODIFIED_ON),
            contact_fields={f for f in _CONTACT_FIELDS if cols.values(cells, f)},
        )
        relations.add(rel)
    return relations.subjects(), relations.records()


def _keys_map(records: list[dict[str, Any]], keys: Mapping[str, list[str]]) -> HeaderMap:
    present = sorted({str(k) for record in records[:50] for k in record})
    return map_headers(present, keys)


def relations_from_json(
    path: Path, records: list[dict[str, Any]], as_of: date | None = None
) -> ParsedExport:
    log = ImportLog(path, today_or(as_of))
    relations = Relations(log)
    for position, item in enumerate(records, start=1):
        log.rows_read += 1
        ref = cell_text(item.get("id"))
        if not ref:
            log.skipped += 1
            log.warn("warning.relation_no_id", where=Said("where.relation", n=position))
            continue
        where = Said("where.relation_id", n=position, ref=ref)
        company = cell_text(item.get("name"))
        filled = {f for f, ks in REST_RELATION_KEYS.items() for k in ks if cell_text(item.get(k))}
        rel = Relation(
            ref=ref,
            where=where,
            company=company,
            person=cell_text(item.get("contact")),
            emails=[cell_text(item.get(k)) for k in REST_RELATION_KEYS["email"] if item.get(k)],
            kvk=cell_text(item.get("companyRegistrationNumber")),
            iban=cell_text(item.get("iban")),
            bic=cell_text(item.get("bic")),
            mandate=any(mandate_on_file(item.get(k)) for k in ("mandate", "mandateId"))
            or bool(cell_text(item.get("mandateSignedDate"))),
            mandate_date=log.date(item.get("mandateSignedDate"), where, "mandateSignedDate"),
            is_company=is_company_of(cell_text(item.get("type")), company),
            inactive=parse_bool(item.get("inactive")) is True,
            added_on=log.date(item.get("date"), where, "date"),
            contact_fields=filled & set(_CONTACT_FIELDS),
        )
        relations.add(rel)
    return finish(
        path, SOURCE, "relations", log, what=RELATIONS, fix_dates=FIX_DATES,
        subjects=relations.subjects(), records=relations.records(),
        mapping=_keys_map(records, REST_RELATION_KEYS),
    )  # fmt: skip


def parse_invoices(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """Sales invoices from a CSV/XLSX invoice list or a REST ``/v1/invoice`` JSON answer."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        records = open_json_list(path, INVOICES, HOW_INVOICES, REST_INVOICE_NEEDED)
        return invoices_from_json(path, records, as_of)
    return invoices_from_table(path, as_of)


def invoices_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.eboekhouden_invoices")
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
        add_invoice(log, invoices, Said("where.invoice", n=position),
                    cell_text(item.get("invoiceNumber")),
                     cell_text(item.get("relationId")), item.get("date"))  # fmt: skip
    return finish(
        path, SOURCE, "invoices", log, what=INVOICES, fix_dates=FIX_DATES,
        invoices=invoices.rows(), mapping=_keys_map(records, REST_INVOICE_KEYS),
    )  # fmt: skip


def parse_mutations(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    """Sent invoices from a mutations export: only rows of kind FactuurVerstuurd count."""
    return mutations_from_table(Path(path), as_of)


def mutations_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.eboekhouden_mutations")
    table, cols = open_table(source, MUTATION_ALIASES, MUTATION_REQUIRED, what, HOW_MUTATIONS)
    log = ImportLog(table.path, today_or(as_of))
    invoices = Invoices(log)
    for number, cells in counted_rows(table, log):
        # The SOAP value is "FactuurVerstuurd"; the screen shows "Factuur verstuurd".
        if cols.text(cells, "kind").replace(" ", "").lower() != "factuurverstuurd":
            log.skipped += 1
            continue
        invoice_number = cols.text(cells, "number") or f"mutatie {cols.text(cells, 'mutation')}"
        add_invoice(log, invoices, Said("where.row", n=number), invoice_number,
                     cols.text(cells, "relation"), cols.first(cells, "date"))  # fmt: skip
    return finish(
        table.path, SOURCE, "invoices", log, what=Said("what.mutations"), fix_dates=FIX_DATES,
        invoices=invoices.rows(), mapping=cols,
    )  # fmt: skip
