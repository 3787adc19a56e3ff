"""compliance.access_overview and `python -m compliance access-overview`: every record about
one subject across systems, with purpose, source, retention and recipients; text that looks
like a formula stays text."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from compliance import store
from compliance.access_overview import UnknownSubject, overview_sheets, overview_workbook
from compliance.cli import main
from compliance.importing import import_file
from compliance.policy import load_policy
from tests.factories import IBAN_A, NOW, export, relation

FIXTURES = Path(__file__).parent / "fixtures" / "mailbox"
AS_OF = date(2026, 11, 25)
POLICY = load_policy()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Piet in the bookkeeping (with a mandate) and in the mailbox; a formula-like name."""
    db = tmp_path / "access.duckdb"
    piet = relation("P1", "Piet Verzonnen", emails=("piet@example.nl",), iban=IBAN_A,
                    is_company=False, added_on=date(2020, 3, 1))  # fmt: skip
    evil = relation("X1", "=HYPERLINK(\"http://x.example\",\"klik\")", kvk="90000099",
                    emails=("evil@example.nl",), added_on=date(2021, 1, 1))  # fmt: skip
    parsed = export("eboekhouden", [piet, evil], invoices=[("F1", "P1", date(2026, 2, 1))],
                    direct_debit=("P1",))  # fmt: skip
    store.load_export(db, parsed, "relaties.csv", "sha-1", "test", NOW)
    import_file(db, FIXTURES / "inbox.mbox", actor="test", now=NOW)
    return db


def subject_id(db: Path, email: str) -> int:
    subjects = store.subjects(db)
    return int(next(s["id"] for s in subjects.to_dict("records") if email in list(s["emails"])))


def test_every_record_with_purpose_source_retention_and_recipients(db: Path) -> None:
    sheets = {s.name: s for s in overview_sheets(db, POLICY, subject_id(db, "piet@example.nl"),
                                                  AS_OF)}  # fmt: skip
    assert list(sheets) == ["Betrokkene", "Gegevens", "Ontvangers", "Verzoeken", "E-mail",
                            "Facturen"]  # fmt: skip
    data = sheets["Gegevens"]
    headers = [c.header for c in data.columns]
    by_source = {(r[0], r[4]): dict(zip(headers, r, strict=True)) for r in data.rows}
    assert set(by_source) == {
        ("NAW- en contactgegevens", "e-boekhouden.nl"),
        ("Betaalgegevens", "e-boekhouden.nl"),
        ("NAW- en contactgegevens", "Microsoft Exchange (mailbox)"),
    }
    mail = by_source[("NAW- en contactgegevens", "Microsoft Exchange (mailbox)")]
    assert mail["Doel"].startswith("Facturatie en contact")
    assert mail["Verwerker"] == "Microsoft Ireland Operations Ltd."
    assert mail["Bewaartermijn"].startswith("7 jaar")
    recipients = {r[0]: r for r in sheets["Ontvangers"].rows}
    assert set(recipients) == {"e-boekhouden.nl", "Microsoft Exchange (mailbox)"}
    assert recipients["Microsoft Exchange (mailbox)"][2] == "IE"
    assert [r[1] for r in sheets["Verzoeken"].rows] == ["Inzageverzoek"]
    assert {r[2] for r in sheets["E-mail"].rows} == {"Inzageverzoek", "Re: Inzageverzoek"}
    assert [r[1] for r in sheets["Facturen"].rows] == ["F1"]
    # Fields by name only: never the IBAN itself.
    assert IBAN_A not in str([s.rows for s in sheets.values()])


def test_text_is_never_a_formula(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "inzage.xlsx"
    overview_workbook(db, POLICY, subject_id(db, "evil@example.nl"), AS_OF).save(out)
    with zipfile.ZipFile(out) as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets"))
    assert "<f>" not in xml and "<f " not in xml
    book = openpyxl.load_workbook(out)
    cell = next(c for row in book["Betrokkene"].iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"))  # fmt: skip
    assert cell.data_type == "s" and cell.quotePrefix


def test_unknown_subject(db: Path) -> None:
    with pytest.raises(UnknownSubject):
        overview_sheets(db, POLICY, 999, AS_OF)


# ------------------------------------------------------------------ the command line
def test_cli_writes_the_workbook(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "inzage-piet.xlsx"
    sid = subject_id(db, "piet@example.nl")
    args = ["access-overview", "--db", str(db), "--subject", str(sid), "--out", str(out),
            "--as-of", "2026-11-25", "--lang", "en"]  # fmt: skip
    assert main(args) == 0
    assert "written to" in capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Data subject", "Data", "Recipients", "Requests", "E-mail",
                               "Invoices"]  # fmt: skip
    title = book["Data subject"]["A1"].value
    assert title == "Personal data held about Piet Verzonnen as of 2026-11-25"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--subject", "999", "--out", "{tmp}/x.xlsx"], "no data subject number 999"),
        (["--subject", "1", "--out", "{tmp}/x.csv"], "must be saved as a .xlsx file"),
        (["--subject", "1", "--out", "{tmp}/nope/x.xlsx"], "does not exist"),
        (["--subject", "een", "--out", "{tmp}/x.xlsx"], "invalid int value"),
        (["--subject", "1", "--out", "{tmp}/x.xlsx", "--as-of", "25-11-2026"], "not a date"),
    ],
)
def test_cli_refuses_bad_input_in_one_sentence(db: Path, tmp_path: Path, capsys, args, message):
    argv = ["access-overview", "--db", str(db), *[a.format(tmp=tmp_path) for a in args]]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_without_a_database(tmp_path: Path, capsys) -> None:
    argv = ["access-overview", "--db", str(tmp_path / "geen.duckdb"), "--subject", "1",
            "--out", str(tmp_path / "x.xlsx")]  # fmt: skip
    assert main(argv) == 2
    assert "no database" in capsys.readouterr().err
