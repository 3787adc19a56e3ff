"""etl.xaf: customers and sales invoices from XML Auditfile Financieel 3.2 (and 3.1)."""

from __future__ import annotations

import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from etl import xaf
from etl.model import ImportRefused

FIXTURES = Path(__file__).parent / "fixtures" / "xaf"
AS_OF = date(2026, 11, 25)
NS = "http://www.auditfiles.nl/XAF/3.2"


@pytest.fixture(scope="module")
def snelstart_file():
    return xaf.parse(FIXTURES / "snelstart-2024.xaf", as_of=AS_OF)


def test_source_and_kind_come_from_the_header(snelstart_file):
    assert (snelstart_file.source, snelstart_file.kind) == ("snelstart", "auditfile")


def test_customers_both_and_supplier_skipped(snelstart_file):
    subjects = {s.ref: s for s in snelstart_file.subjects}
    assert list(subjects) == ["1001", "1002"]
    assert snelstart_file.skipped == 1  # the supplier 2001
    install = subjects["1001"]
    assert (install.kvk, install.iban, install.emails) == (
        "90000010", "NL58TEST0000000005", ("karin@installatie.example.nl",),
    )  # fmt: skip
    assert subjects["1002"].name == "Fictief, J. & Zn."  # &amp; is a character, not an entity


def test_records_hold_field_ids_only(snelstart_file):
    records = {(r.subject_ref, r.category): r for r in snelstart_file.records}
    assert records[("1001", "contact")].fields == (
        "name", "contact_person", "address", "postal_code", "city", "country", "email",
        "phone", "kvk",
    )  # fmt: skip
    assert records[("1001", "payment")].fields == ("iban", "bic")
    assert records[("1001", "payment")].detail == "IBAN NL…0005"
    assert ("1002", "payment") not in records
    assert "Proefweg" not in repr(snelstart_file) and "0475-000010" not in repr(snelstart_file)


def test_preview_lists_the_elements_read(snelstart_file):
    assert snelstart_file.columns_mapped["custSupName"] == "name"
    assert snelstart_file.columns_mapped["invRef"] == "number"


def test_sales_journal_lines_become_invoices(snelstart_file):
    assert [(i.number, i.subject_ref, i.invoice_date) for i in snelstart_file.invoices] == [
        ("F24-001", "1001", date(2024, 3, 1)),  # invRef, transaction date
        ("F24-002", "1002", date(2024, 4, 2)),  # docRef, the line's effDate
        ("VK/24003", "1001", date(2024, 5, 1)),  # no reference: journal + transaction nr
    ]  # the bank payment and the supplier's purchase are not invoices


def test_without_journal_types_debit_customer_lines_count():
    export = xaf.parse(FIXTURES / "eboekhouden-2023.xaf", as_of=AS_OF)
    assert export.source == "eboekhouden"
    assert [(i.number, i.invoice_date) for i in export.invoices] == [
        ("F2023-050", date(2023, 11, 5)),  # the credit line of 20 Nov is the payment
    ]


def test_version_3_1_is_read():
    export = xaf.parse(FIXTURES / "version-3-1.xaf", as_of=AS_OF)
    assert export.source == "snelstart" and len(export.invoices) == 3


def test_unknown_software_needs_an_explicit_source():
    with pytest.raises(ImportRefused) as caught:
        xaf.parse(FIXTURES / "unknown-software.xaf", as_of=AS_OF)
    assert str(caught.value) == (
        "unknown-software.xaf: this audit file was made by 'Exact Online', not recognisably by "
        "e-boekhouden.nl or SnelStart; import it again with --source eboekhouden or "
        "--source snelstart."
    )
    export = xaf.parse(FIXTURES / "unknown-software.xaf", "eboekhouden", as_of=AS_OF)
    assert export.source == "eboekhouden" and [s.ref for s in export.subjects] == ["K001"]


def test_a_source_other_than_bookkeeping_is_refused():
    with pytest.raises(ImportRefused, match=r"can be imported as eboekhouden or snelstart"):
        xaf.parse(FIXTURES / "snelstart-2024.xaf", "mailbox", as_of=AS_OF)


def test_doctype_with_entity_is_refused_unread():
    with pytest.raises(ImportRefused) as caught:
        xaf.parse(FIXTURES / "doctype-entity.xaf", as_of=AS_OF)
    assert str(caught.value) == (
        "doctype-entity.xaf: the file declares a DOCTYPE or entities, which an audit file "
        "never does, so it was not read; export the audit file again from the bookkeeping "
        "package."
    )


def test_external_entity_is_refused(tmp_path):
    path = tmp_path / "xxe.xaf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<auditfile xmlns="{NS}"><header><softwareDesc>&x;</softwareDesc></header></auditfile>'
    )
    with pytest.raises(ImportRefused, match="declares a DOCTYPE or entities"):
        xaf.parse(path, as_of=AS_OF)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (f'<auditfile xmlns="{NS}"><header><softwareDesc>SnelStart</softw', "not well-formed XML"),
        ('<auditfile xmlns="urn:other"/>', "is not an XML Auditfile Financieel 3.2"),
        ("<html><body>hallo</body></html>", "its root is 'html'"),
        ("", "not well-formed XML"),
        (f'<auditfile xmlns="{NS}"><header><softwareDesc>SnelStart</softwareDesc></header>'
         "<company><customersSuppliers/></company></auditfile>", "holds no customers"),
    ],
)  # fmt: skip
def test_broken_files_are_refused_in_one_sentence(tmp_path, content, fragment):
    path = tmp_path / "audit.xaf"
    path.write_text(content)
    with pytest.raises(ImportRefused) as caught:
        xaf.parse(path, as_of=AS_OF)
    message = str(caught.value)
    assert message.startswith("audit.xaf: ") and message.endswith(".")
    assert fragment in message


def test_large_file_is_streamed_and_memory_stays_flat(tmp_path):
    # ~6 MB of transactions booked on one invoice: if read elements were kept, memory
    # would grow with the file; removed as they are read, the peak stays small.
    line = (
        "<transaction><nr>{n}</nr><trDt>2024-01-02</trDt><trLine><accID>1300</accID>"
        "<desc>" + "x" * 200 + "</desc><amnt>1</amnt><amntTp>D</amntTp>"
        "<custSupID>C1</custSupID><invRef>F1</invRef></trLine></transaction>"
    )
    path = tmp_path / "big.xaf"
    with path.open("w") as handle:
        handle.write(
            f'<auditfile xmlns="{NS}"><header><softwareDesc>SnelStart</softwareDesc>'
            "</header><company><transactions><journal><jrnID>V</jrnID><jrnTp>S</jrnTp>"
        )
        for n in range(15_000):
            handle.write(line.format(n=n))
        handle.write("</journal></transactions></company></auditfile>")
    assert path.stat().st_size > 5_000_000
    tracemalloc.start()
    try:
        export = xaf.parse(path, as_of=AS_OF)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert export.rows_read == 15_000 and len(export.invoices) == 1
    assert peak < 2_000_000


@pytest.mark.parametrize(
    ("software", "source"),
    [("SnelStart 12.85", "snelstart"), ("e-Boekhouden.nl", "eboekhouden"),
     ("EBOEKHOUDEN", "eboekhouden"), ("Exact Online", None), ("", None)],
)  # fmt: skip
def test_source_from_software(software, source):
    assert xaf.source_from_software(software) == source
