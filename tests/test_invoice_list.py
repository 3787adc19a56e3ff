"""The column path of an invoice list against the row path: same invoices, counts, warnings
and refusals on generated plain CSV files; anything not plain goes the row way."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.importing import import_file
from compliance.store import ensure_database
from etl import eboekhouden, invoice_list, snelstart
from etl.csv_columns import WHITESPACE, plain_columns, stripped
from etl.invoice_list import InvoiceColumns
from etl.model import ImportRefused, InvoiceRow, texts
from etl.tabular import read_table

AS_OF = date(2026, 11, 25)
EB_HEADER = ["Factuurnummer", "Relatiecode", "Datum", "Betalingstermijn", "TotaalInclBTW"]


def _write(path: Path, header: list[str], rows: list[list[str]], encoding: str, eol: str) -> Path:
    text = eol.join(";".join(r) for r in [header, *rows])
    path.write_bytes(text.encode(encoding))
    return path


def _parse_both(path: Path, parse, monkeypatch) -> tuple[object, object]:
    """(column path, row path) results: a ParsedExport or the refusal's sentence."""

    def run():
        try:
            return parse(path, as_of=AS_OF)
        except ImportRefused as exc:
            return str(exc)

    by_columns = run()
    with monkeypatch.context() as m:
        m.setattr(invoice_list, "plain_columns", lambda table: None)
        by_rows = run()
    return by_columns, by_rows


def _same(by_columns, by_rows) -> None:
    if isinstance(by_rows, str):
        assert by_columns == by_rows
        return
    assert isinstance(by_columns.invoices, InvoiceColumns)  # the column path was taken
    assert isinstance(by_rows.invoices, tuple)
    assert tuple(by_columns.invoices) == by_rows.invoices
    assert by_columns.invoices == by_rows.invoices
    for name in ("rows_read", "skipped", "warnings", "columns_mapped", "columns_unmapped"):
        assert getattr(by_columns, name) == getattr(by_rows, name), name


# Cells as exports write them, with the troubles the rules are about.
# Quoted cells as Python's csv reads them: '"F;9"' is F;9, '"F""Q"' is F"Q, 'a"b' is a"b.
NUMBERS = st.sampled_from(["F1", "F2", "F3", "F2024-001", " F1 ", "", "  ", "\u00a0F2", "é-7",
                           '"F;9"', '"F""Q"', '"F2"', 'a"b', '"F1" ', '""'])  # fmt: skip
REFS = st.sampled_from(["K1", "K2", "K3", "", " K1", "K2\t", "Müller", '"K1"', '"K;2"'])
DATES = st.sampled_from([
    "1-2-2019", "01-02-2019", "2019-02-01", "31-12-2023", "5-1-2024", "", " ", "garbage",
    "31-2-2020", "1-1-1980", "1-1-2030", "45352", "12", "2024-03-01T00:00:00", " 2-4-2024 ",
    "1 mrt 2024", '"1-2-2019"',
])  # fmt: skip
FILLER = st.sampled_from(["", " ", "14", "1.234,56", "€ 5", "x"])


@st.composite
def invoice_rows(draw, width: int = 5) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(0, 70))):
        if draw(st.integers(0, 9)) == 0:  # a blank row: separators only, or spaces
            rows.append([draw(st.sampled_from(["", " "])) for _ in range(width)])
            continue
        rows.append([draw(NUMBERS), draw(REFS), draw(DATES), draw(FILLER), draw(FILLER)])
    return rows


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=invoice_rows(),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]),
    eol=st.sampled_from(["\n", "\r\n"]),
    final_eol=st.booleans(),
)
def test_columns_and_rows_agree_on_eboekhouden_lists(
    tmp_path, monkeypatch, rows, encoding, eol, final_eol
):
    path = _write(tmp_path / "facturen.csv", EB_HEADER, rows, encoding, eol)
    if final_eol:
        path.write_bytes(path.read_bytes() + eol.encode())
    _same(*_parse_both(path, eboekhouden.parse_invoices, monkeypatch))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=invoice_rows())
def test_columns_and_rows_agree_with_two_columns_per_field(tmp_path, monkeypatch, rows):
    """Factuurnummer and Factuurnr both present: the first one filled is the number."""
    header = ["Factuurnummer", "Relatiecode", "Datum", "Factuurnr", "Factuurdatum"]
    wide = [[r[0], r[1], r[2], r[3] if r[3] != "x" else "F9", r[2][::-1]] for r in rows]
    path = _write(tmp_path / "facturen.csv", header, wide, "utf-8", "\n")
    _same(*_parse_both(path, eboekhouden.parse_invoices, monkeypatch))


def test_snelstart_invoice_list_takes_the_column_path_too(tmp_path, monkeypatch):
    header = ["Factuurnummer", "Factuurdatum", "Vervaldatum", "Klantcode", "Bedrag"]
    rows = [["20230007", "05-06-2023", "19-06-2023", "1001", "1.234,56"],
            ["20230007", "01-06-2023", "19-06-2023", "1001", "5"],
            ["20230008", "05-06-2023", "19-06-2023", "1002", "5"],
            ["20230008", "05-06-2023", "19-06-2023", "1003", "5"]]  # fmt: skip
    path = _write(tmp_path / "snelstart-facturen.csv", header, rows, "cp1252", "\r\n")
    by_columns, by_rows = _parse_both(path, snelstart.parse_invoices, monkeypatch)
    _same(by_columns, by_rows)
    assert by_columns.invoices[0] == InvoiceRow("20230007", "1001", date(2023, 6, 1))
    assert texts(by_columns.warnings) == (
        "row 5: invoice 20230008 is also booked on relation 1002; the first one is kept.",
    )


def test_many_warnings_are_counted_beyond_the_fifty_shown(tmp_path, monkeypatch):
    rows = [[f"F{i}", "K1", "garbage" if i % 3 == 0 else "1-1-2024", "", ""] for i in range(300)]
    rows += [[f"F{i}", "", "1-1-2024", "", ""] for i in range(40)]
    path = _write(tmp_path / "facturen.csv", EB_HEADER, rows, "utf-8", "\n")
    by_columns, by_rows = _parse_both(path, eboekhouden.parse_invoices, monkeypatch)
    _same(by_columns, by_rows)
    assert len(by_columns.warnings) == 51
    assert texts(by_columns.warnings)[-1] == "… and 190 more warnings like these."


def test_mostly_unreadable_dates_refuse_the_file_the_same_way(tmp_path, monkeypatch):
    rows = [[f"F{i}", "K1", "32-13-2024" if i else "1-1-2024", "", ""] for i in range(10)]
    path = _write(tmp_path / "facturen.csv", EB_HEADER, rows, "utf-8", "\n")
    by_columns, by_rows = _parse_both(path, eboekhouden.parse_invoices, monkeypatch)
    assert isinstance(by_columns, str)
    assert "9 of 10 dates could not be read (first: row 3: '32-13-2024')" in by_columns
    assert by_columns == by_rows


def test_a_list_of_blank_rows_is_refused_the_same_way(tmp_path, monkeypatch):
    path = _write(tmp_path / "facturen.csv", EB_HEADER, [[""] * 5, [" "] * 5], "utf-8", "\n")
    by_columns, by_rows = _parse_both(path, eboekhouden.parse_invoices, monkeypatch)
    assert isinstance(by_columns, str) and "holds no invoices" in by_columns
    assert by_columns == by_rows


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'Factuurnummer;Relatiecode;Datum\n"F\n1";K1;1-1-2024\n', "a record over two lines"),
        (b'Factuurnummer;Relatiecode;Datum\n"F1;K1;1-1-2024\n', "a quote left open"),
        (b"Factuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024\n\nF2;K1;1-1-2024\n", "empty line"),
        (b"Factuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024\n\n", "empty last line"),
        (b"Factuurnummer;Relatiecode;Datum\nF1;K1\n", "a short line"),
        (b"Factuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024;x\n", "a long line"),
        (b"Factuurnummer;Relatiecode;Datum\rF1;K1;1-1-2024\r", "old Mac line ends"),
        # Beyond the sniffed sample: a NUL in the first 64 KiB is refused as binary.
        (
            b"Factuurnummer;Relatiecode;Datum\n"
            + b"F1;K1;1-1-2024\n" * 5000
            + b"F1;K\x001;1-1-2024\n",
            "a NUL",
        ),
        (b"Factuurnummer;Relatiecode;Datum\nF1;K\x811;1-1-2024\n", "an undefined cp1252 byte"),
        (b"Facturen 2024\nFactuurnummer;Relatiecode;Datum\nF1;K1;1-1-2024\n", "a title row"),
        # UTF-8 in the sample, one Windows-1252 byte further on (a hand-edited file).
        (
            b"Factuurnummer;Relatiecode;Datum\n"
            + b"F1;M\xc3\xbcller;1-1-2024\n" * 5000
            + b"F2;Andr\xe9;1-1-2024\n",
            "mixed UTF-8",
        ),
    ],
)
def test_files_that_are_not_plain_go_the_row_way(tmp_path, monkeypatch, content, why):
    path = tmp_path / "facturen.csv"
    path.write_bytes(content)
    table = read_table(path, eboekhouden.INVOICE_ALIASES)
    assert plain_columns(table) is None, why
    by_default, by_rows = _parse_both(path, eboekhouden.parse_invoices, monkeypatch)
    assert by_default == by_rows  # both went the row way


def test_quoted_cells_are_read_by_columns_as_python_reads_them(tmp_path, monkeypatch):
    content = (
        b"Factuurnummer;Relatiecode;Datum;Omschrijving\r\n"
        b'"F1";K1;1-1-2024;"Advies; onderhoud"\r\n'
        b'F2;"K""2";2-1-2024;a"b\r\n'
        b"F3;K3;3-1-2024;x\r\n"
    )
    path = tmp_path / "facturen.csv"
    path.write_bytes(content)
    cells = plain_columns(read_table(path, eboekhouden.INVOICE_ALIASES))
    assert cells is not None
    assert cells.column("c3").to_pylist() == ["Advies; onderhoud", 'a"b', "x"]
    by_columns, by_rows = _parse_both(path, eboekhouden.parse_invoices, monkeypatch)
    _same(by_columns, by_rows)
    assert [i.subject_ref for i in by_columns.invoices] == ["K1", 'K"2', "K3"]


def test_plain_columns_reads_cells_as_written(tmp_path):
    path = tmp_path / "facturen.csv"
    path.write_bytes(
        "Factuurnummer;Relatiecode;Datum\r\n F1 ;Müller €;1-1-2024\r\n".encode("cp1252")
    )
    cells = plain_columns(read_table(path, eboekhouden.INVOICE_ALIASES))
    assert cells is not None
    assert cells.to_pylist() == [{"c0": " F1 ", "c1": "Müller €", "c2": "1-1-2024"}]


@given(st.text())
def test_stripped_is_str_strip(text):
    assert stripped(pa.array([text])).to_pylist() == [text.strip()]
    assert all(c.isspace() for c in WHITESPACE)


def test_invoice_columns_behave_like_a_tuple_of_rows():
    rows = (
        InvoiceRow("F1", "K1", date(2024, 1, 1)),
        InvoiceRow("F2", "K2", date(2024, 2, 1)),
        InvoiceRow("F3", "K1", date(2024, 3, 1)),
    )
    table = pa.table(
        {
            "number": [r.number for r in rows],
            "subject_ref": [r.subject_ref for r in rows],
            "invoice_date": pa.array([r.invoice_date for r in rows], pa.date32()),
        }
    )
    columns = InvoiceColumns(table)
    assert len(columns) == 3 and bool(columns)
    assert columns[0] == rows[0] and columns[-1] == rows[-1]
    assert columns[:2] == rows[:2] and columns[::-2] == rows[::-2]
    assert tuple(columns) == rows and columns == rows and rows == columns
    assert columns != rows[:2]
    with pytest.raises(IndexError):
        columns[3]
    assert columns[5:] == columns[1:1] == ()  # an empty slice, as a tuple gives it
    assert columns != list(rows)  # a tuple is not equal to a list either
    empty = InvoiceColumns(table.slice(0, 0))
    assert not empty and empty[:] == ()


def _invoices_in(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(
            "SELECT source, number, relation_ref, invoice_date FROM invoices ORDER BY number"
        ).fetchall()


def test_both_paths_store_the_same_invoices_and_counts(tmp_path, monkeypatch):
    """Twice into a real database: the second, changed list counts new, changed and
    unchanged invoices alike on both paths."""
    first = [["F1", "K1", "1-1-2024", "", ""], ["F2", "K2", "2-1-2024", "", ""],
             ["F2", "K2", "1-1-2024", "", ""], ["F3", "K3", "3-1-2024", "", ""]]  # fmt: skip
    second = [["F1", "K1", "1-1-2024", "", ""], ["F2", "K9", "2-1-2024", "", ""],
              ["F4", "K4", "4-1-2024", "", ""]]  # fmt: skip
    results = {}
    for way in ("columns", "rows"):
        db = tmp_path / f"{way}.duckdb"
        ensure_database(db)
        with monkeypatch.context() as m:
            if way == "rows":
                m.setattr(invoice_list, "plain_columns", lambda table: None)
            counts = []
            for n, rows in enumerate((first, second)):
                path = _write(tmp_path / f"eboekhouden-facturen-{n}.csv", EB_HEADER, rows,
                              "utf-8", "\n")  # fmt: skip
                r = import_file(db, path, actor="test", now=datetime(2026, 11, 25, 9, n))
                counts.append((r.rows_new, r.rows_changed, r.rows_unchanged))
        results[way] = (counts, _invoices_in(db))
    assert results["columns"] == results["rows"]
    counts, stored = results["columns"]
    assert counts == [(3, 0, 0), (1, 1, 1)]
    assert ("eboekhouden", "F2", "K9", date(2024, 1, 2)) in stored


def test_a_column_beyond_one_arrow_array_goes_the_row_way(tmp_path, monkeypatch):
    """More than 2 GB of text in one column does not fit a string array: rows instead
    (the limit made small here, rather than writing such a file)."""
    from etl import csv_columns

    rows = [[f"F{i}", "K1", "1-1-2024", "", ""] for i in range(20)]
    path = _write(tmp_path / "facturen.csv", EB_HEADER, rows, "utf-8", "\n")
    table = read_table(path, eboekhouden.INVOICE_ALIASES)
    assert plain_columns(table) is not None
    monkeypatch.setattr(csv_columns, "_ONE_ARRAY", 50)
    assert plain_columns(table) is None
    assert len(eboekhouden.parse_invoices(path, as_of=AS_OF).invoices) == 20
