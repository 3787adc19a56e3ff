"""The audit workbook: every sheet, its shape, real dates, highlighted overdue rows, and
imported text that can never run as a formula."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
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
        assert (row[0].fill.start_color.rgb == "00FDE2E1") is overdue
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
    assert rows[0][header.index("Fideslang")] == "user.contact"


def test_imported_text_never_becomes_a_formula(db: Path) -> None:
    wb = workbook(db)
    seen = set()
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                # XML turns a carriage return into a line feed; it stays text either way.
                value = cell.value.replace("\n", "\r") if isinstance(cell.value, str) else None
                if value in NASTY or cell.value in NASTY or cell.value == "=cmd|' /C calc'!A0.csv":
                    assert cell.data_type == "s"
                    seen.add(value if value in NASTY else cell.value)
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
    assert ws["A3"].fill.start_color.rgb == "00FDE2E1"
    assert ws["A4"].fill.start_color.rgb != "00FDE2E1"
    import pandas as pd

    text = csv_bytes(pd.DataFrame({"naam": ["=1+1", "ok"]})).decode("utf-8-sig")
    assert text.splitlines()[1] == "'=1+1"


def test_cookies_sheet_lists_checks_and_too_long_cookies(db: Path) -> None:
    from compliance.importing import import_file

    har = Path(__file__).resolve().parent / "fixtures" / "website" / "ga4-default.har"
    import_file(db, har, actor="test", now=NOW)
    ws = workbook(db)["Cookies"]
    rows = {(r[0].value, r[1].value): r for r in ws.iter_rows(min_row=3)}
    ga = rows[("cookie", "_ga")]
    assert ga[3].value == 730 and ga[4].value == "langer dan 31 dagen"
    assert ga[0].fill.start_color.rgb == "00FDE2E1"
    kinds = {kind for kind, _ in rows}
    assert "controle" in kinds and "tracker" in kinds
    check = rows[("controle", "elke cookie hooguit een maand")]
    assert check[4].value == "niet in orde" and check[6].value == "ga4-default.har"


def test_openpyxl_writes_through_lxml() -> None:
    # requirements.txt pins lxml for this: without it openpyxl falls back to its own XML
    # writer and the audit workbook takes about twice as long (bench, workbook at M).
    from openpyxl.xml import LXML

    assert LXML is True
