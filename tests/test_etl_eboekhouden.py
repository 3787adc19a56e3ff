"""etl.eboekhouden: relations, invoices and mutations in CSV, XLSX and REST JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl import eboekhouden
from etl.model import ImportRefused, texts

FIXTURES = Path(__file__).parent / "fixtures" / "eboekhouden"
AS_OF = date(2026, 11, 25)


def by_ref(export):
    return {s.ref: s for s in export.subjects}


def records_of(export, ref):
    return {r.category: r for r in export.records if r.subject_ref == ref}


def write_csv(tmp_path: Path, text: str, name: str = "relaties.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ relations, CSV
@pytest.fixture(scope="module")
def relations():
    return eboekhouden.parse_relations(FIXTURES / "relaties-cp1252.csv", as_of=AS_OF)


def test_relations_csv_subjects(relations):
    subjects = by_ref(relations)
    assert list(subjects) == ["K001", "K002", "P003", "K004"]
    cafe = subjects["K002"]
    assert cafe.name == "Café Fictief"  # Windows-1252 decoded
    assert cafe.emails == ("info@cafe-fictief.example.nl", "marieke@example.nl")
    assert (cafe.kvk, cafe.iban, cafe.is_company) == ("90000002", "NL42TEST0000000002", True)
    assert cafe.added_on == date(2020, 2, 3)
    person = subjects["P003"]
    assert (person.name, person.is_company, person.kvk) == ("Piet Verzonnen", False, None)


def test_duplicate_code_keeps_the_last_row_with_a_warning(relations):
    first = by_ref(relations)["K001"]
    assert first.name == "Testbedrijf Voorbeeld BV" and first.added_on == date(2023, 6, 20)
    assert "row 6: relation K001 also appears at row 2; the last one is kept." in texts(
        relations.warnings
    )
    assert relations.rows_read == 5 and relations.skipped == 0


def test_contact_record_lists_which_fields_are_held(relations):
    contact = records_of(relations, "K002")["contact"]
    assert contact.ref == "K002" and contact.seen_on == date(2020, 2, 3)
    assert contact.fields == (
        "name", "contact_person", "address", "postal_code", "city", "country", "email",
        "mobile", "kvk", "note",
    )  # fmt: skip
    assert "phone" not in records_of(relations, "P003")["contact"].fields


def test_payment_record_masks_the_iban(relations):
    payment = records_of(relations, "K002")["payment"]
    assert payment.fields == ("iban",)
    assert payment.detail == "IBAN NL…0002" and payment.basis is None
    assert "payment" not in records_of(relations, "P003")  # no IBAN, no payment record


def test_bad_iban_and_kvk_are_warnings_not_refusals(relations):
    odd = by_ref(relations)["K004"]
    assert odd.iban is None and odd.kvk is None
    assert records_of(relations, "K004")["payment"].detail == "account …0004"
    assert "row 5: KvK number '12345' is not 8 digits and was ignored." in texts(relations.warnings)
    assert any(w.startswith("row 5: bank account …0004 is not a valid IBAN") for w in
               texts(relations.warnings))  # fmt: skip


def test_no_address_phone_note_or_clear_iban_leaves_the_importer(relations):
    rows = repr(relations.records) + repr([s.name for s in relations.subjects])
    for secret in ("Voorbeeldstraat", "0475-000001", "06-00000002", "Bel na 17:00", "VIP",
                   "NL42TEST0000000002", "6000 AA", "Geachte heer"):  # fmt: skip
        assert secret not in rows
        assert all(secret not in w for w in texts(relations.warnings))


def test_columns_mapped_and_unmapped_for_the_preview(relations):
    assert relations.columns_mapped["Code"] == "ref"
    assert relations.columns_mapped["Def2"] == "note"
    assert relations.columns_unmapped == ("Geslacht", "Aanhef", "GeenEmail")


def test_relations_xlsx_with_title_rows_and_excel_dates():
    export = eboekhouden.parse_relations(FIXTURES / "relaties.xlsx", as_of=AS_OF)
    subjects = by_ref(export)
    assert subjects["K001"].added_on == date(2019, 1, 15)  # a date cell
    assert subjects["P003"].added_on == date(2021, 3, 1)  # an Excel serial number
    assert subjects["K001"].kvk == "90000001"  # a numeric cell


# ------------------------------------------------------------------ relations, REST JSON
def test_rest_relations_use_the_numeric_id_as_ref():
    export = eboekhouden.parse_relations(FIXTURES / "relations.json", as_of=AS_OF)
    subjects = by_ref(export)
    assert list(subjects) == ["9001", "9002"]
    company = subjects["9001"]
    assert company.emails == ("jan@example.nl", "facturen@testbedrijf.example.nl")
    assert (company.iban, company.kvk, company.is_company) == (
        "NL69TEST0000000001", "90000001", True,
    )  # fmt: skip
    assert subjects["9002"].inactive is True and subjects["9002"].is_company is False


def test_rest_mandate_makes_the_payment_record_direct_debit():
    export = eboekhouden.parse_relations(FIXTURES / "relations.json", as_of=AS_OF)
    payment = records_of(export, "9001")["payment"]
    assert payment.basis == "direct_debit"
    assert payment.fields == ("iban", "bic", "mandate")
    assert payment.seen_on == date(2021, 5, 1)  # the mandate is newer than the relation
    assert records_of(export, "9002")["payment"].basis is None
    assert "note" in records_of(export, "9001")["contact"].fields
    assert "Sleutel" not in repr(export)


# ------------------------------------------------------------------ invoices and mutations
def test_invoices_csv_with_decimal_commas_and_invoice_lines():
    export = eboekhouden.parse_invoices(FIXTURES / "facturen-cp1252.csv", as_of=AS_OF)
    got = {(i.number, i.subject_ref, i.invoice_date) for i in export.invoices}
    assert got == {
        ("F2019-001", "K001", date(2019, 2, 1)),
        ("F2020-014", "K002", date(2020, 3, 15)),
        ("F2024-101", "K001", date(2024, 4, 2)),  # two lines, one invoice
        ("F2025-007", "P003", date(2025, 12, 31)),
    }
    assert export.rows_read == 5 and export.kind == "invoices"


def test_rest_invoices_point_at_the_relation_id():
    export = eboekhouden.parse_invoices(FIXTURES / "invoices.json", as_of=AS_OF)
    assert [(i.number, i.subject_ref) for i in export.invoices] == [
        ("F2024-001", "9001"), ("F2025-010", "9002"),
    ]  # fmt: skip
    assert export.columns_mapped == {"invoiceNumber": "number", "relationId": "relation",
                                     "date": "date"}  # fmt: skip


@pytest.mark.parametrize("name", ["mutaties.csv", "mutaties.xlsx"])
def test_mutations_only_sent_invoices_count(name):
    export = eboekhouden.parse_mutations(FIXTURES / name, as_of=AS_OF)
    numbers = {i.number for i in export.invoices}
    assert numbers == ({"F2024-001", "F2024-002"} if name.endswith("csv") else {"F2022-003"})
    assert export.skipped == export.rows_read - len(numbers)


def test_invoice_without_date_is_skipped_with_a_warning(tmp_path):
    path = write_csv(tmp_path, "Factuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024\nF2;K1;\n"
                     "F3;K2;2-1-2024\n", "facturen.csv")  # fmt: skip
    export = eboekhouden.parse_invoices(path, as_of=AS_OF)
    assert [i.number for i in export.invoices] == ["F1", "F3"]
    assert export.skipped == 1
    assert texts(export.warnings) == ("row 3: the invoice has no date and was skipped.",)


def test_invoice_number_on_two_relations_keeps_the_first(tmp_path):
    path = write_csv(tmp_path, "Factuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024\nF1;K2;1-1-2024\n")
    export = eboekhouden.parse_invoices(path, as_of=AS_OF)
    assert [i.subject_ref for i in export.invoices] == ["K1"]
    assert "invoice F1 is also booked on relation K1" in texts(export.warnings)[0]


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("written", "added_on", "warning"),
    [
        ("1-1-1990", date(1990, 1, 1), None),
        ("31-12-1989", date(1989, 12, 31), "row 2: AddDatum 1989-12-31 looks wrong"),
        ("25-11-2027", date(2027, 11, 25), None),  # exactly a year ahead: still plausible
        ("26-11-2027", date(2027, 11, 26), "row 2: AddDatum 2027-11-26 looks wrong"),
        ("29-02-2024", date(2024, 2, 29), None),
        ("2024-02-29T00:00:00", date(2024, 2, 29), None),
        ("30-02-2024", None, "row 2: AddDatum '30-02-2024' is not a date"),
        ("", None, None),
    ],
)
def test_edge_dates(tmp_path, written, added_on, warning):
    text = f"Code;Bedrijf;AddDatum\nK1;Testbedrijf;{written}\nK2;Ander;1-1-2024\nK3;Derde;\n"
    export = eboekhouden.parse_relations(write_csv(tmp_path, text), as_of=AS_OF)
    assert by_ref(export)["K1"].added_on == added_on
    if warning:
        assert len(export.warnings) == 1 and texts(export.warnings)[0].startswith(warning)
    else:
        assert export.warnings == ()


def test_a_file_whose_dates_mostly_fail_is_refused(tmp_path):
    text = "Code;Bedrijf;AddDatum\nK1;A;gisteren\nK2;B;13-13-2024\nK3;C;1-1-2024\n"
    with pytest.raises(ImportRefused) as caught:
        eboekhouden.parse_relations(write_csv(tmp_path, text), as_of=AS_OF)
    assert str(caught.value) == (
        "relaties.csv: 2 of 3 dates could not be read (first: row 2: 'gisteren'); "
        "export the file again with dates as dd-mm-jjjj and try again."
    )


# ------------------------------------------------------------------ refusals
def test_unmappable_columns_are_listed_with_what_was_expected(tmp_path):
    path = write_csv(tmp_path, "Klant;Stad;Telefoon\nA;Roermond;0475\n", "orders.csv")
    with pytest.raises(ImportRefused) as caught:
        eboekhouden.parse_relations(path, as_of=AS_OF)
    assert str(caught.value) == (
        "orders.csv: this does not look like an e-boekhouden.nl relations export: no columns "
        "Code and Bedrijf (or Contactpersoon) were found (columns found: Klant, Stad, "
        "Telefoon); "
        "export the relations list from e-boekhouden.nl (Relaties → Exporteren) and try again."
    )


def test_header_only_file_is_refused(tmp_path):
    path = write_csv(tmp_path, "Factuurnummer;Relatiecode;Datum\n\n", "facturen.csv")
    with pytest.raises(ImportRefused, match=r"^facturen\.csv: the file holds no invoices, only "
                       r"column names or an empty list; .*try again\.$"):  # fmt: skip
        eboekhouden.parse_invoices(path, as_of=AS_OF)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ({"items": "geen lijst"}, "this JSON is not a list of relations"),
        ([1, 2, 3], "this JSON is not a list of relations"),
        ({"items": [], "count": 0}, "the file holds no relations"),
    ],
)
def test_wrong_json_shapes_are_refused(tmp_path, content, fragment):
    path = tmp_path / "relations.json"
    path.write_text(json.dumps(content))
    with pytest.raises(ImportRefused) as caught:
        eboekhouden.parse_relations(path, as_of=AS_OF)
    message = str(caught.value)
    assert message.startswith("relations.json: ") and message.endswith(".")
    assert fragment in message


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "relations.json"
    path.write_text('{"items": [\n  {"id": 1,}\n]}')
    with pytest.raises(ImportRefused, match=r"not valid JSON \(line 2, column 12"):
        eboekhouden.parse_relations(path, as_of=AS_OF)


def test_an_invoice_answer_is_not_taken_for_relations():
    with pytest.raises(ImportRefused) as caught:
        eboekhouden.parse_relations(FIXTURES / "invoices.json", as_of=AS_OF)
    assert str(caught.value).startswith(
        "invoices.json: this JSON is not a list of relations (keys found: date, id, "
        "invoicenumber, relationid, totalamount, totalexcl; expected: code, id, name); "
    )


def test_one_missing_column_is_named_in_the_singular(tmp_path):
    path = write_csv(tmp_path, "Factuurnummer;Relatiecode;Omschrijving\nF1;K1;x\n", "f.csv")
    with pytest.raises(ImportRefused) as caught:
        eboekhouden.parse_invoices(path, as_of=AS_OF)
    assert str(caught.value) == (
        "f.csv: this does not look like an e-boekhouden.nl invoice list: no column Datum was "
        "found (columns found: Factuurnummer, Relatiecode, Omschrijving); export the invoice "
        "list from e-boekhouden.nl (Facturen → Overzicht → Exporteren) and try again."
    )


def test_a_long_header_is_shortened_in_the_refusal(tmp_path):
    header = ";".join(f"Kolom{i}" for i in range(30))
    path = write_csv(tmp_path, header + "\n" + ";" * 29 + "\n")
    with pytest.raises(ImportRefused, match=r"\(columns found: Kolom0, .*Kolom14 and 15 more\)"):
        eboekhouden.parse_relations(path, as_of=AS_OF)


def test_an_old_bank_account_number_shows_only_its_last_four_digits(tmp_path):
    path = write_csv(tmp_path, "Code;Bedrijf;IBAN\nK1;Testbedrijf;1234567\n")
    export = eboekhouden.parse_relations(path, as_of=AS_OF)
    assert records_of(export, "K1")["payment"].detail == "account …4567"
    assert "1234567" not in repr(export)
