"""The import preview's example rows: recognisable, never readable in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.importing import parse
from compliance.masking import DOT, mask_email, mask_name, mask_number, sample_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Testbedrijf Alfa B.V.", f"Tes{DOT * 8} A{DOT * 3} B.V."),
        ("Jan de Vries", f"J{DOT * 2} de V{DOT * 4}"),
        ("X", "X"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_name(name: str | None, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("jan.jansen@voorbeeld.example", f"jan{DOT * 7}@voorbeeld.example"),
        ("jo@x.nl", f"{DOT * 2}@x.nl"),
        ("geen-adres", f"gee{DOT * 7}"),
    ],
)
def test_mask_email(address: str, masked: str) -> None:
    assert mask_email(address) == masked


def test_mask_number_keeps_the_last_four() -> None:
    assert mask_number("90000001") == f"{DOT * 4}0001"
    assert mask_number("NL91ABNA0417164300") == f"{DOT * 14}4300"
    assert mask_number(None) == ""


def test_sample_rows_of_a_relations_export_hide_the_details() -> None:
    parsed = parse(FIXTURES / "eboekhouden" / "relaties-cp1252.csv")
    rows = sample_rows(parsed, limit=3)
    assert len(rows) == 3
    for row, subject in zip(rows, parsed.subjects, strict=False):
        assert row["name"] != subject.name and row["name"][0] == subject.name[0]
        for email in subject.emails:
            assert email not in row["email"] and email.split("@")[1] in row["email"]
        if subject.kvk:
            assert subject.kvk not in row["kvk"] and row["kvk"].endswith(subject.kvk[-4:])


def test_sample_rows_of_an_invoice_export_show_numbers_and_dates() -> None:
    parsed = parse(FIXTURES / "eboekhouden" / "facturen-cp1252.csv")
    rows = sample_rows(parsed)
    assert rows and set(rows[0]) == {"number", "ref", "date"}


def test_sample_rows_of_a_mailbox_mask_the_address_keys_and_drop_empty_columns() -> None:
    parsed = parse(FIXTURES / "mailbox" / "inbox.mbox")
    rows = sample_rows(parsed)
    assert rows
    for row in rows:
        assert "kvk" not in row and "iban" not in row
        assert DOT in row["ref"]  # the relation key is an address: masked too
    for subject in parsed.subjects:
        assert all(subject.ref not in str(row) for row in rows)
