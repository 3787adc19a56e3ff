"""The audit workbook: every sheet, its shape, real dates, highlighted overdue rows, and
imported text that can never run as a formula."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from compliance import store
from compliance.audit import build_workbook
from compliance.cli import main
from compliance.policy import load_policy
from compliance.spreadsheet import Book, Column, csv_bytes
from tests.factories import IBAN_A, NOW, export, relation

AS_OF = date(2026, 11, 25)
SHEETS_NL = [
    "Samenvatting",
    "Verwerkingsregister",
    "Inventaris",
    "Verwijderingen",
    "Verzoeken",
    "Bevindingen",
    "Cookies",
    "Verwerkers",
    "Importlog",
    "Auditlog",
]
SHEETS_EN = [
    "Summary",
    "Record of processing",
    "Inventory",
    "Deletions",
    "Requests",
    "Findings",
    "Cookies",
    "Processors",
    "Import log",
    "Audit log",
]
# Each a formula or DDE payload if a spreadsheet parsed it.
NASTY = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 1234",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.duckdb"
    rels = [
        relation("1", "Vertrokken Test VOF", kvk="90000002", iban=IBAN_A),
        relation("2", "Piet Prospect", is_company=False, added_on=date(2026, 6, 15)),
        *(
            relation(f"9{i}", name, is_company=False, added_on=date(2026, 1, 5))
            for i, name in enumerate(NASTY)
        ),
    ]
    parsed = export(
        "eboekhouden", rels, invoices=[("F1", "1", date(2025, 1, 3))], direct_debit=("1",)
    )
    store.load_export(path, parsed, "=cmd|' /C calc'!A0.csv", "sha", "test", NOW)
    store.add_request(
        path,
        type="termination",
        received_on=date(2026, 4, 24),
        channel="post",
        actor="test",
        now=NOW,
        kvk="90000002",
    )
    return path


def workbook(db: Path, lang: str = "nl") -> openpyxl.Workbook:
    path = db.parent / f"audit-{lang}.xlsx"
    build_workbook(db, load_policy(), AS_OF, lang, datetime(2026, 11, 25, 12)).save(path)
    return openpyxl.load_workbook(path)


def test_every_sheet_in_dutch_and_english(db: Path) -> None:
    assert workbook(db).sheetnames == SHEETS_NL
    assert workbook(db, "en").sheetnames == SHEETS_EN


def test_each_sheet_has_title_frozen_header_and_filter(db: Path) -> None:
    wb = workbook(db)
    for ws in wb:
        assert "peildatum 2026-11-25" in ws["A1"].value, ws.title
        assert ws.freeze_panes == "A3", ws.title
        assert ws.auto_filter.ref.startswith("A2:"), ws.title
        assert ws["A2"].font.bold, ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title


def test_dates_are_real_dates_and_overdue_rows_highlighted(db: Path) -> None:
    ws = workbook(db)["Verwijderingen"]
    header = [c.value for c in ws[2]]
    due_col = header.index("Uiterlijk") + 1
    status_col = header.index("Status") + 1
    rows = list(ws.iter_rows(min_row=3))
    assert rows, "deletions expected"
    for row in rows:
        due = row[due_col - 1]
        assert due.is_date and due.number_format == "yyyy-mm-dd"
        overdue = row[status_col - 1].value == "te laat"
        assert (row[0].fill.start_color.rgb[-6:] == "FDE2E1") is overdue
    assert any(r[status_col - 1].value == "te laat" for r in rows)


def test_summary_counts(db: Path) -> None:
    ws = workbook(db)["Samenvatting"]
    values = {r[0].value: r[1].value for r in ws.iter_rows(min_row=3)}
    assert values["Peildatum"] == datetime(2026, 11, 25)
    assert values["oud-klant"] == 1
    assert values["Verwijderingen te laat"] >= 1
    assert values["Laatste aftekening"] == "nog geen"


def test_register_covers_article_30_for_every_category(db: Path) -> None:
    ws = workbook(db)["Verwerkingsregister"]
    header = [c.value for c in ws[2]]
    for letter in ("a.", "b.", "c.", "d.", "e.", "f.", "g."):
        assert any(h.startswith(letter) for h in header), letter
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 6
    assert all(all(v not in (None, "") for v in row) for row in rows)
    # the category in the owner's words, no taxonomy code beside it
    assert rows[0][0] == "NAW- en contactgegevens"
    assert not any("user." in str(v) for row in rows for v in row)


def ooxml_text(value: str) -> str:
    """A cell's text as Excel and LibreOffice show it: control characters are written as
    _xHHHH_ (a carriage return as _x000D_), which openpyxl's reader leaves as it is."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def test_imported_text_never_becomes_a_formula(db: Path) -> None:
    wb = workbook(db)
    seen = set()
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                value = ooxml_text(cell.value) if isinstance(cell.value, str) else None
                if value in NASTY or value == "=cmd|' /C calc'!A0.csv":
                    assert cell.data_type == "s"
                    seen.add(value)
    assert set(NASTY) <= seen  # every nasty name was written, literally


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice not installed: apt-get install libreoffice-calc-nogui",
)
def test_libreoffice_opens_it_and_shows_the_text_literally(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    build_workbook(db, load_policy(), AS_OF).save(path)
    out = tmp_path / "out"
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    sheet = out / "audit-Verwijderingen.csv"
    cells = {c for row in csv.reader(sheet.open(encoding="utf-8")) for c in row}
    assert '=HYPERLINK("http://evil.example","klik")' in cells
    assert "@SUM(A1)" in cells
    assert "-2+3" in cells  # shown as written, not calculated to 1


def test_cli_writes_the_workbook_and_logs_it(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "dossier.xlsx"
    assert main(["audit", "--db", str(db), "--as-of", "2026-11-25", "--out", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == SHEETS_NL
    assert store.audit_log(db)["action"].iloc[0] == "audit_export"


@pytest.mark.parametrize(
    ("out", "message"),
    [("geen-map/dossier.xlsx", "does not exist"), ("dossier.pdf", "must be saved as a .xlsx")],
)
def test_cli_refuses_bad_output(db: Path, tmp_path: Path, capsys, out: str, message: str) -> None:
    target = tmp_path / out
    assert main(["audit", "--db", str(db), "--as-of", "2026-11-25", "--out", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_book_highlight_and_csv_quote(tmp_path: Path) -> None:
    book = Book()
    book.sheet(
        "S",
        "Titel",
        [Column("Naam"), Column("Datum", kind="date")],
        [("=1+1", date(2026, 1, 2)), ("gewoon", None)],
        [True, False],
    )
    book.save(tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["S"]
    assert ws["A3"].value == "=1+1" and ws["A3"].data_type == "s" and ws["A3"].quotePrefix
    assert ws["A3"].fill.start_color.rgb[-6:] == "FDE2E1"
    assert ws["A4"].fill.start_color.rgb[-6:] != "FDE2E1"
    import pandas as pd

    text = csv_bytes(pd.DataFrame({"naam": ["=1+1", "ok"]})).decode("utf-8-sig")
    assert text.splitlines()[1] == "'=1+1"


def test_a_sheet_longer_than_excel_allows_says_what_was_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("compliance.spreadsheet.SHEET_ROWS", 3)
    book = Book(overflow=lambda n: f"{n} regels passen niet")
    assert book.sheet("S", "Titel", [Column("Nr")], [(i,) for i in range(10)]) == 3
    book.save(tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["S"]
    assert [c.value for c in ws["A"]] == ["Titel", "Nr", 0, 1, 2, "7 regels passen niet"]
    assert ws.auto_filter.ref == "A2:A5"


def test_sheet_names_are_made_valid_and_unique(tmp_path: Path) -> None:
    book = Book()
    for name in ["Inventaris", "inventaris", "a/b:c*d?[e]", "x" * 40]:
        book.sheet(name, "Titel", [Column("Nr")], [(1,)])
    names = openpyxl.load_workbook(io.BytesIO(book.to_bytes())).sheetnames
    assert names == ["Inventaris", "inventaris2", "a_b_c_d__e_", "x" * 31]


def test_every_kind_of_value_is_written_as_what_it_is(tmp_path: Path) -> None:
    import numpy as np
    import pandas as pd

    values = [True, np.int64(7), 2.5, Decimal("1.25"), float("inf"), pd.NaT,
              datetime(2026, 1, 2, 3, 4, tzinfo=UTC), ["a", "b"], complex(1, 2)]  # fmt: skip
    book = Book()
    book.sheet("S", "Titel", [Column(str(i)) for i in range(len(values))], [values])
    row = openpyxl.load_workbook(io.BytesIO(book.to_bytes()))["S"][3]
    got = [c.value for c in row]
    assert got[:4] == [True, 7, 2.5, 1.25]
    assert got[4] == "inf" and got[5] is None
    assert got[6] == datetime(2026, 1, 2, 3, 4) and row[6].number_format == "yyyy-mm-dd hh:mm"
    assert got[7] == "a, b"
    assert got[8] == "(1+2j)"  # anything else as its text


def test_cookies_sheet_lists_checks_and_too_long_cookies(db: Path) -> None:
    from compliance.importing import import_file

    har = Path(__file__).resolve().parent / "fixtures" / "website" / "ga4-default.har"
    import_file(db, har, actor="test", now=NOW)
    ws = workbook(db)["Cookies"]
    rows = {(r[0].value, r[1].value): r for r in ws.iter_rows(min_row=3)}
    ga = rows[("cookie", "_ga")]
    assert ga[3].value == 730 and ga[4].value == "langer dan 31 dagen"
    assert ga[0].fill.start_color.rgb[-6:] == "FDE2E1"
    kinds = {kind for kind, _ in rows}
    assert "controle" in kinds and "tracker" in kinds
    check = rows[("controle", "elke cookie hooguit een maand")]
    assert check[4].value == "niet in orde" and check[6].value == "ga4-default.har"


def test_the_audit_log_sheet_is_words_not_json(db: Path) -> None:
    """What was done and its details in the reader's language: no JSON, no action codes."""
    ws = workbook(db)["Auditlog"]
    header = [c.value for c in ws[2]]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows
    actions = {r[header.index("Handeling")] for r in rows}
    assert "export geïmporteerd" in actions
    assert not any("_" in a for a in actions)  # no "request_add", "sign_off"
    for row in rows:
        detail = row[header.index("Details")] or ""
        assert "{" not in detail and '"' not in detail, detail
        assert "sha256" not in detail
    imported = next(r for r in rows if r[header.index("Handeling")] == "export geïmporteerd")
    assert "bestand: " in imported[header.index("Details")]
    english = workbook(db, "en")["Audit log"].iter_rows(min_row=3, values_only=True)
    assert "export imported" in {r[3] for r in english}
