"""etl.snelstart: relations (CSV, Fld-prefixed, UTF-16, XLSX, B2B JSON) and sales invoices."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl import snelstart
from etl.model import ImportRefused, texts

FIXTURES = Path(__file__).parent / "fixtures" / "snelstart"
AS_OF = date(2026, 11, 25)
GUID_1001 = "00000000-0000-4000-8000-000000001001"


def by_ref(export):
    return {s.ref: s for s in export.subjects}


def records_of(export, ref):
    return {r.category: r for r in export.records if r.subject_ref == ref}


@pytest.fixture(scope="module")
def csv_export():
    return snelstart.parse_relations(FIXTURES / "relaties-utf8bom.csv", as_of=AS_OF)


def test_csv_relations_and_supplier_skipped(csv_export):
    subjects = by_ref(csv_export)
    assert list(subjects) == ["1001", "1002", "1003"]  # 2001 is only a supplier
    assert csv_export.rows_read == 4 and csv_export.skipped == 1
    install = subjects["1001"]
    assert install.name == "Voorbeeld Installatietechniek BV"
    assert (install.kvk, install.iban, install.is_company) == (
        "90000010", "NL58TEST0000000005", True,
    )  # fmt: skip
    assert subjects["1002"].name == "Fictief, J."  # the quoted comma stayed in the name
    assert subjects["1002"].is_company is None  # SnelStart does not say


def test_csv_incassosoort_core_is_a_direct_debit_mandate(csv_export):
    payment = records_of(csv_export, "1001")["payment"]
    assert payment.basis == "direct_debit"
    assert payment.fields == ("name", "city", "iban", "bic", "mandate")  # holder name and city
    assert payment.detail == "IBAN NL…0005"
    assert "payment" not in records_of(csv_export, "1002")  # Incassosoort Geen, no account


def test_csv_contact_fields_and_mapping(csv_export):
    assert records_of(csv_export, "1001")["contact"].fields == (
        "name", "contact_person", "address", "postal_code", "city", "country", "email",
        "phone", "kvk", "vat_number",
    )  # fmt: skip
    assert csv_export.columns_mapped["Nummer kvk"] == "kvk"
    assert csv_export.columns_mapped["Krediettermijn"] == "credit_term"
    assert csv_export.columns_unmapped == ()
    assert "Proefweg" not in repr(csv_export) and "0475-000010" not in repr(csv_export)


def test_fld_prefixed_headers():
    export = snelstart.parse_relations(FIXTURES / "relaties-fld.csv", as_of=AS_OF)
    assert export.columns_mapped["FldRelatiecode"] == "ref"
    assert export.columns_mapped["FldEmailadres"] == "email"
    subject = export.subjects[0]
    assert (subject.ref, subject.name, subject.emails) == (
        "1004", "Testkapsalon Nep", ("eva@kapsalon.example.nl",),
    )  # fmt: skip


def test_utf16_tab_separated_unicode_text():
    export = snelstart.parse_relations(FIXTURES / "relaties-utf16.txt", as_of=AS_OF)
    assert [s.ref for s in export.subjects] == ["1001"]
    assert export.subjects[0].emails == ("karin@installatie.example.nl",)


def test_xlsx_with_title_row_and_numeric_kvk():
    export = snelstart.parse_relations(FIXTURES / "relaties.xlsx", as_of=AS_OF)
    assert [(s.ref, s.name, s.kvk) for s in export.subjects] == [
        ("1005", "Proef Administratie", "90000030"),
    ]


# ------------------------------------------------------------------ B2B API JSON
@pytest.fixture(scope="module")
def api_export():
    return snelstart.parse_relations(FIXTURES / "relaties.json", as_of=AS_OF)


def test_api_relations_use_the_guid_and_skip_suppliers(api_export):
    subjects = by_ref(api_export)
    assert list(subjects) == [GUID_1001, "00000000-0000-4000-8000-000000001002"]
    assert api_export.skipped == 1 and api_export.rows_read == 3
    install = subjects[GUID_1001]
    assert install.emails == ("karin@installatie.example.nl", "boekhouding@example.nl")
    assert install.modified_on == date(2026, 2, 3)
    assert subjects["00000000-0000-4000-8000-000000001002"].inactive is True


def test_api_contact_and_payment_records(api_export):
    records = records_of(api_export, GUID_1001)
    assert records["contact"].fields == (
        "name", "contact_person", "address", "postal_code", "city", "email", "phone", "kvk",
        "vat_number", "note",
    )  # fmt: skip
    assert records["payment"].basis == "direct_debit"
    other = records_of(api_export, "00000000-0000-4000-8000-000000001002")["payment"]
    assert other.basis is None  # incassoSoort "Geen"
    assert "Alarmcode" not in repr(api_export) and "Proefweg" not in repr(api_export)


@pytest.mark.parametrize(
    ("kind", "supplier_only"),
    [(["Klant"], False), (["Leverancier"], True), (["Klant", "Leverancier"], False), ([], False),
     ("Leverancier", True), ("Klant|Leverancier", False), ("Beide (leverancier)", False)],
)  # fmt: skip
def test_is_supplier_only(kind, supplier_only):
    assert snelstart.is_supplier_only(kind) is supplier_only


# ------------------------------------------------------------------ invoices
def test_api_invoices_wrapped_point_at_the_relation_guid():
    export = snelstart.parse_invoices(FIXTURES / "verkoopfacturen.json", as_of=AS_OF)
    assert [(i.number, i.subject_ref, i.invoice_date) for i in export.invoices] == [
        ("20240001", GUID_1001, date(2024, 2, 1)),
        ("20260042", "00000000-0000-4000-8000-000000001002", date(2026, 10, 1)),
    ]
    assert export.columns_mapped["factuurBedrag"] == "amount"


def test_api_invoices_as_a_bare_list(tmp_path):
    path = tmp_path / "vf.json"
    path.write_text(json.dumps([{"factuurnummer": "1", "factuurDatum": "2025-01-02T00:00:00",
                                 "relatie": {"id": "abc"}}]))  # fmt: skip
    export = snelstart.parse_invoices(path, as_of=AS_OF)
    assert [(i.number, i.subject_ref) for i in export.invoices] == [("1", "abc")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("verkoopfacturen.csv", [("20230007", "1001", date(2023, 6, 5)),
                                 ("20240012", "1002", date(2024, 1, 5))]),
        ("verkoopfacturen.xlsx", [("20250001", "1001", date(2025, 1, 31))]),
    ],
)  # fmt: skip
def test_tabular_invoices(name, expected):
    export = snelstart.parse_invoices(FIXTURES / name, as_of=AS_OF)
    assert [(i.number, i.subject_ref, i.invoice_date) for i in export.invoices] == expected


def test_invoice_without_relation_is_skipped(tmp_path):
    path = tmp_path / "vf.json"
    path.write_text(json.dumps([
        {"factuurnummer": "1", "factuurDatum": "2025-01-02", "relatie": None},
        {"factuurnummer": "2", "factuurDatum": "2025-01-03", "relatie": {"id": "x"}},
    ]))  # fmt: skip
    export = snelstart.parse_invoices(path, as_of=AS_OF)
    assert [i.number for i in export.invoices] == ["2"]
    assert texts(export.warnings) == ("invoice 1: the invoice has no relation and was skipped.",)


# ------------------------------------------------------------------ refusals
def test_unmappable_relations_file(tmp_path):
    path = tmp_path / "klanten.csv"
    path.write_text("Klantnaam,Stad\nA,Roermond\n")
    with pytest.raises(ImportRefused) as caught:
        snelstart.parse_relations(path, as_of=AS_OF)
    assert str(caught.value) == (
        "klanten.csv: this does not look like a SnelStart relations export: no columns "
        "Relatiecode and Naam (or Contactpersoon) were found (columns found: Klantnaam, Stad); "
        "export the relations from SnelStart (Relaties → Overzicht relaties → Exporteren) "
        "and try again."
    )


def test_header_only_xlsx_is_refused(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Relatiecode", "Naam", "Emailadres"])
    workbook.save(tmp_path / "leeg.xlsx")
    with pytest.raises(ImportRefused, match=r"^leeg\.xlsx: the file holds no relations"):
        snelstart.parse_relations(tmp_path / "leeg.xlsx", as_of=AS_OF)


def test_relations_answer_is_not_taken_for_invoices():
    with pytest.raises(ImportRefused, match=r"^relaties\.json: this JSON is not a list of "
                       r"invoices \(keys found: .*expected: factuurnummer, relatie\)"):  # fmt: skip
        snelstart.parse_invoices(FIXTURES / "relaties.json", as_of=AS_OF)
