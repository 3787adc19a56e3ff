"""DSD Europe: the licences ordered for end customers (CSV or XLSX).

How the owner gets the file: in the DSD Europe reseller portal, open the licence or order
overview, filter on "alle" and export it (Excel or CSV). The headers are not documented
publicly, so they are matched by their usual Dutch and English names: end customer
(*Eindklant*), product, licence key (*Licentiesleutel*, serial, product key) or certificate,
order date, and optionally order number, customer number, KvK, e-mail and end date.

Every licence becomes a ``credentials`` entry for the end customer; the store links it by
KvK, e-mail, name or customer number, or leaves it for the owner to link on the Toegang page.
A licence key or certificate is **never stored whole**: only its last four characters are
kept (``…7X2Q``), enough to find it on an invoice, useless to activate software. The export
lists the licences completely: one missing from a newer export is gone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compliance.identity import normalise_email, normalise_kvk
from etl.access_rows import AccessEntries, finish_access, mask_key, preview_mapping
from etl.model import AccessRow, ParsedExport, Said
from etl.reading import counted_rows, open_table, today_or
from etl.rows import ImportLog
from etl.tabular import Table
from etl.values import parse_date

SOURCE = "dsd"
HOW = Said("how.dsd")
FIX_DATES = Said("how.dates_dd_mm_jjjj")
ORDER_DATE = Said("what.order_date")

LICENCE_ALIASES: dict[str, list[str]] = {
    "customer": ["Eindklant", "Eindgebruiker", "Eindklantnaam", "End customer", "End user",
                 "End customer name", "Klantnaam", "Customer", "Customer name"],
    "product": ["Product", "Productnaam", "Product name", "Productomschrijving", "Artikel",
                "Artikelomschrijving", "Omschrijving", "Description"],
    "licence_key": ["Licentiesleutel", "Licentiecode", "Licentienummer", "Licence key",
                    "License key", "Serienummer", "Serial number", "Serial", "Product key",
                    "Activatiecode", "Activation code"],
    "certificate": ["Certificaat", "Certificaatnummer", "Licentiecertificaat", "Certificate",
                    "Certificate number", "Licence certificate", "License certificate"],
    "order_date": ["Orderdatum", "Besteldatum", "Order date", "Aankoopdatum", "Purchase date",
                   "Datum", "Date"],
    "order": ["Ordernummer", "Bestelnummer", "Order number", "Order", "Referentie"],
    "customer_ref": ["Klantnummer eindklant", "Eindklantnummer", "Customer number",
                     "Klantnummer", "Relatiecode"],
    "end_date": ["Einddatum", "Geldig tot", "Vervaldatum", "End date", "Expiry date",
                 "Expiration date"],
    "quantity": ["Aantal", "Quantity", "Seats"],
    "email": ["E-mail eindklant", "E-mail", "Email", "E-mailadres", "Email address"],
    "kvk": ["KvK", "KvK-nummer", "KvK nummer", "Chamber of Commerce number"],
}  # fmt: skip
LICENCE_REQUIRED = (("customer",), ("product",), ("licence_key", "certificate"))


def parse(path: str | Path, *, as_of: date | None = None) -> ParsedExport:
    return licences_from_table(Path(path), as_of)


def licences_from_table(source: Path | Table, as_of: date | None = None) -> ParsedExport:
    what = Said("what.dsd_export")
    table, cols = open_table(source, LICENCE_ALIASES, LICENCE_REQUIRED, what, HOW)
    log = ImportLog(table.path, today_or(as_of))
    entries = AccessEntries()
    for number, cells in counted_rows(table, log):
        where = Said("where.row", n=number)
        customer, product = cols.text(cells, "customer"), cols.text(cells, "product")
        key = cols.text(cells, "licence_key") or cols.text(cells, "certificate")
        if not customer or not (product or key):
            log.skipped += 1
            log.warn("warning.licence_incomplete", where=where)
            continue
        masked = mask_key(key) if key else ""
        ordered = log.date(cols.first(cells, "order_date"), where, ORDER_DATE)
        until = _end_date(cols.first(cells, "end_date"))
        order = cols.text(cells, "order")
        kvk = normalise_kvk(cols.text(cells, "kvk")) if cols.text(cells, "kvk") else None
        email = normalise_email(cols.text(cells, "email"))
        customer_ref = cols.text(cells, "customer_ref")
        label = f"order {order}" if order else f"{product} ({masked})" if masked else product
        parts = [product, f"licentie {masked}" if masked else "", customer]
        if ordered:
            parts.append(f"besteld {ordered.isoformat()}")
        if until:
            parts.append(f"geldig tot {until.isoformat()}")
        entries.add(
            AccessRow(
                category="credentials",
                # Never the key itself: the order (or customer) and its last four characters.
                ref="|".join((order or customer, product, masked)),
                scope="dsd",
                system=product or "DSD Europe",
                item=label,
                holder=masked,
                detail=" · ".join(p for p in parts if p),
                fields=("name", "licence_key") if key else ("name",),
                hints=tuple(h for h in (customer, customer_ref) if h),
                kvk=kvk,
                emails=(email,) if email else (),
                seen_on=ordered,
            )
        )
    return finish_access(
        table.path, SOURCE, "licences", log, what=Said("what.licences"), access=entries.rows(),
        scopes=("dsd",), fix_dates=FIX_DATES,
        columns_mapped=preview_mapping(cols, "dsd"),
        columns_unmapped=cols.unmapped,
    )  # fmt: skip


def _end_date(value: object) -> date | None:
    """A licence's end date is shown, not checked: years ahead is normal, garbage is blank."""
    try:
        return parse_date(value)
    except ValueError:
        return None
