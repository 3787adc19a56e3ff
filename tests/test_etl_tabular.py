"""etl.tabular and etl.values: encodings, delimiters, XLSX title rows, headers, values."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from etl.model import ImportRefused
from etl.tabular import (
    header_key,
    map_headers,
    parse_bool,
    parse_date,
    parse_decimal,
    read_table,
    sniff_delimiter,
    sniff_encoding,
)
from etl.values import cell_text

FIXTURES = Path(__file__).parent / "fixtures"
ALIASES = {"ref": ["Code", "Relatiecode"], "name": ["Bedrijf", "Naam"], "email": ["Email"]}


def rows_of(path: Path, aliases=ALIASES) -> tuple[tuple[str, ...], list[tuple]]:
    table = read_table(path, aliases)
    return table.headers, list(table.rows())


# ------------------------------------------------------------------ encodings and delimiters
@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (codecs.BOM_UTF8 + b"Code;Naam", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Code\tNaam".encode("utf-16-le"), "utf-16"),
        ("Code\tNaam\r\n".encode("utf-16-le"), "utf-16-le"),
        ("Code;Café".encode(), "utf-8"),
        ("Code;Café".encode("cp1252"), "cp1252"),
        (b"Code;Naam", "utf-8"),
        (b"\x00\x01\x02\x03\x00\x00\x00\x10" * 100, "binary"),
    ],
)
def test_sniff_encoding(head, expected):
    assert sniff_encoding(head) == expected


def test_sniff_encoding_tolerates_a_character_cut_at_the_sample_end():
    # The 64 KiB sample may end inside a multi-byte character: still UTF-8.
    assert sniff_encoding("Café;".encode()[:-2], complete=False) == "utf-8"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Code;Naam;Email\n1;A;a@example.nl\n", ";"),
        ("Code,Naam,Email\n1,A,a@example.nl\n", ","),
        ("Code\tNaam\tEmail\n1\tA\ta@example.nl\n", "\t"),
        # Decimal commas in a ;-file must not make "," win.
        ("Nr;Bedrag;Datum\n1;1.234,56;1-2-2024\n2;12,50;1-3-2024\n", ";"),
        # Quoted commas inside a ,-file stay one field.
        ('Code,Naam,Plaats\n1,"Jansen, P.",Roermond\n2,"Nep, J.",Swalmen\n', ","),
        # A title line above the header does not decide.
        ("Relaties export\nCode;Naam;Email\n1;A;a@example.nl\n", ";"),
    ],
)
def test_sniff_delimiter(text, expected):
    assert sniff_delimiter(text) == expected


def test_cp1252_semicolon_file_with_quoted_delimiter(tmp_path):
    headers, rows = rows_of(FIXTURES / "eboekhouden" / "relaties-cp1252.csv")
    assert headers[2] == "Code"
    cafe = next(cells for _, cells in rows if cells[2] == "K002")
    assert cafe[3] == "Café Fictief"
    assert cafe[19] == "Bel na 17:00; niet op vrijdag"  # the quoted ';' stayed inside


def test_utf8_bom_is_not_part_of_the_first_header():
    headers, rows = rows_of(FIXTURES / "snelstart" / "relaties-utf8bom.csv")
    assert headers[0] == "Relatiecode"
    assert rows[1][1][1] == "Fictief, J."


@pytest.mark.parametrize("bom", [True, False])
def test_utf16le_tab_separated_with_and_without_bom(tmp_path, bom):
    text = "Relatiecode\tNaam\tEmailadres\r\n1001\tÉén Fictief\tx@example.nl\r\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes((codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le"))
    table = read_table(path, ALIASES)
    assert (table.delimiter, table.headers) == ("\t", ("Relatiecode", "Naam", "Emailadres"))
    assert list(table.rows()) == [(2, ("1001", "Één Fictief", "x@example.nl"))]


def test_utf8_file_with_a_stray_cp1252_byte_further_on(tmp_path):
    # The first 64 KiB are plain UTF-8; a hand-edited row far below holds a cp1252 "é".
    filler = "".join(f"{i};Naam {i}\n" for i in range(8000)).encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"Code;Naam\n" + filler + "9999;Caf\xe9\n".encode("latin-1"))
    rows = list(read_table(path, ALIASES).rows())
    assert rows[-1][1] == ("9999", "Café")
    assert len(rows) == 8001


def test_csv_title_rows_are_skipped_and_row_numbers_are_the_owners(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Overzicht relaties;;\nAfgedrukt 1-1-2026;;\nCode;Bedrijf;Email\nK1;A;\n")
    table = read_table(path, ALIASES)
    assert table.header_row == 3
    assert list(table.rows()) == [(4, ("K1", "A", ""))]


def test_rows_are_streamed_not_loaded(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w") as handle:
        handle.write("Code;Bedrijf\n")
        for i in range(50_000):
            handle.write(f"K{i};Bedrijf {i}\n")
    rows = read_table(path, ALIASES).rows()
    assert next(rows) == (2, ("K0", "Bedrijf 0"))  # a generator: nothing read beyond this
    assert sum(1 for _ in rows) == 49_999


# ------------------------------------------------------------------ XLSX
def test_xlsx_with_two_title_rows_and_excel_dates():
    table = read_table(FIXTURES / "eboekhouden" / "relaties.xlsx", {"ref": ["Code"], "x": ["ID"]})
    assert table.format == "xlsx" and table.header_row == 3
    rows = list(table.rows())
    assert rows[0][0] == 4
    assert isinstance(rows[0][1][1], datetime)  # a real date cell
    assert parse_date(rows[2][1][1]) == date(2021, 3, 1)  # an Excel serial number
    assert cell_text(rows[0][1][21]) == "90000001"  # KvK stored as a number


def test_xlsx_picks_the_sheet_with_the_known_header(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Toelichting bij deze export"])
    data = workbook.create_sheet("Relaties")
    data.append(["Code", "Bedrijf"])
    data.append(["K9", "Testbedrijf"])
    workbook.save(tmp_path / "two.xlsx")
    table = read_table(tmp_path / "two.xlsx", ALIASES)
    assert table.sheet == "Relaties"
    assert list(table.rows()) == [(2, ("K9", "Testbedrijf"))]


# ------------------------------------------------------------------ refusals
@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "the file is empty"),
        (bytes(range(256)) * 40, "not a text or Excel file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Excel 97-2003"),
        (b"%PDF-1.7\n%\xe2\xe3", "this is a PDF"),
        (b"PK\x03\x04" + b"\x00" * 200, "could not be opened as an Excel workbook"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "not a text or Excel file"),
    ],
)
def test_unreadable_files_are_refused_in_one_sentence(tmp_path, content, fragment):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as caught:
        read_table(path, ALIASES)
    message = str(caught.value)
    assert message.startswith("export.csv: ") and message.endswith(".")
    assert fragment in message
    assert "\n" not in message and "Traceback" not in message


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "brief.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportRefused) as caught:
        read_table(tmp_path / "brief.docx", ALIASES)
    assert str(caught.value).startswith(
        "brief.docx: the file could not be opened as an Excel workbook ("
    )
    assert str(caught.value).endswith("save it again from Excel as .xlsx or CSV and try again.")


def test_a_sheet_of_unclosed_cells_is_searched_for_formulas_in_linear_time(tmp_path, hang_guard):
    # "<c\b([^>]*)>" read on to the next ">" from every "<c" of a run without one: quadratic
    # in the sheet's 1 MB window.
    import zipfile

    from etl.archive import first_formula

    member = "xl/worksheets/sheet1.xml"
    sheet = b"<sheetData><row>" + b"<c " * 300_000 + b"<v>1</v>"
    sheet += b'<c r="B3"><f>1+1</f><v>2</v></c></row></sheetData>'
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as archive:
        archive.writestr(member, sheet)
    with zipfile.ZipFile(tmp_path / "book.xlsx") as archive:
        assert first_formula(archive, member) == "B3"


# ------------------------------------------------------------------ headers
@pytest.mark.parametrize(
    ("header", "key"),
    [("Relatie code", "relatiecode"), ("RELATIE_CODE", "relatiecode"), ("E-mail", "email"),
     ("Émail adrés", "emailadres"), ("BTW nummer", "btwnummer"), (" KvK-nummer ", "kvknummer")],
)  # fmt: skip
def test_header_key_ignores_case_space_underscore_and_accents(header, key):
    assert header_key(header) == key


def test_map_headers_with_aliases_fld_prefix_and_repeated_fields():
    aliases = {"ref": ["Relatiecode"], "email": ["Email", "Emailadres"], "name": ["Naam"]}
    mapping = map_headers(["FldRelatiecode", "fldNaam", "Email", "Onbekend", "", "E-mailadres"],
                          aliases)  # fmt: skip
    assert mapping.columns == {"ref": (0,), "name": (1,), "email": (2, 5)}
    assert mapping.mapped["FldRelatiecode"] == "ref"
    assert mapping.unmapped == ("Onbekend",)
    cells = ("K1", "Naam", "", "", "", "b@example.nl")
    assert mapping.values(cells, "email") == ["b@example.nl"]
    assert mapping.text(cells, "missing") == ""


# ------------------------------------------------------------------ values
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01-03-2024", date(2024, 3, 1)),
        ("1-3-2024", date(2024, 3, 1)),
        ("01/03/2024", date(2024, 3, 1)),
        ("1.3.2024", date(2024, 3, 1)),
        ("2024-03-01", date(2024, 3, 1)),
        ("2024-03-01T00:00:00", date(2024, 3, 1)),
        ("2024-03-01T23:59:59.1234567+01:00", date(2024, 3, 1)),
        ("2024-03-01 10:00:00", date(2024, 3, 1)),
        ("01-03-2024 10:00", date(2024, 3, 1)),
        ("29-02-2024", date(2024, 2, 29)),
        ("31-12-99", date(1999, 12, 31)),
        ("1-1-26", date(2026, 1, 1)),
        ("1 mrt 2024", date(2024, 3, 1)),
        ("15-okt-2025", date(2025, 10, 15)),
        ("20240301", date(2024, 3, 1)),
        (45352, date(2024, 3, 1)),
        (45352.75, date(2024, 3, 1)),
        ("45352", date(2024, 3, 1)),
        (datetime(2024, 3, 1, 12, 30), date(2024, 3, 1)),
        (date(2024, 3, 1), date(2024, 3, 1)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_date_accepts_every_style(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["29-02-2023", "31-04-2024", "2024-13-01", "morgen", "12", 3, True, "1-2", "2024/03"],
)
def test_parse_date_rejects_garbage(value):
    with pytest.raises(ValueError):
        parse_date(value)
    with pytest.raises(ValueError):  # again: garbage is never remembered as a date
        parse_date(value)


def test_a_date_read_again_is_the_same_and_garbage_is_named_as_written() -> None:
    # Dates repeat in a big export and are read once (a cache); that must not change what
    # comes out, nor the message about a bad cell.
    assert parse_date("01-03-2024") == parse_date(" 01-03-2024 ") == date(2024, 3, 1)
    with pytest.raises(ValueError, match=r"' 31-02-2024 ' is not a date"):
        parse_date(" 31-02-2024 ")
    with pytest.raises(ValueError, match=r"'Morgen' is not a date"):
        parse_date("Morgen")


def test_records_of_one_field_set_share_one_ordered_tuple() -> None:
    from etl.rows import ordered_fields

    first = ordered_fields({"email", "name", "unknown-field"})
    assert first == ("name", "email")  # in FIELD_IDS order
    assert ordered_fields(["email", "name"]) is first
    assert "unknown-field" not in first


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1234.56", Decimal("1234.56")),
        ("1,234.56", Decimal("1234.56")),
        ("-12,5", Decimal("-12.5")),
        ("€ 1.234,56", Decimal("1234.56")),
        ("EUR 10", Decimal("10")),
        ("(12,50)", Decimal("-12.50")),
        ("12,50-", Decimal("-12.50")),
        ("1.234.567", Decimal("1234567")),
        (12.5, Decimal("12.5")),
        ("", None),
        (None, None),
    ],
)
def test_parse_decimal(value, expected):
    assert parse_decimal(value) == expected


@pytest.mark.parametrize("value", ["abc", "1,2,3", "12.5.6,7,8", True])
def test_parse_decimal_rejects_garbage(value):
    with pytest.raises(ValueError):
        parse_decimal(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Ja", True), ("true", True), ("1", True), (1, True), (True, True), ("X", True),
     ("nee", False), ("False", False), ("0", False), (0, False), ("", None), (None, None),
     ("misschien", None)],
)  # fmt: skip
def test_parse_bool(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), ("  K1 ", "K1"), ("A\x00B", "AB"), (1001.0, "1001"), (12.5, "12.5"),
     (True, "true"), (datetime(2024, 3, 1), "2024-03-01"), (90000001, "90000001")],
)  # fmt: skip
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_a_field_beyond_any_real_size_is_refused(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"Code;Bedrijf\n" + b"K1;A\n" * 100 + b'K2;"' + b"x" * 5_000_000 + b'"\n')
    table = read_table(path, ALIASES)
    with pytest.raises(ImportRefused) as caught:
        list(table.rows())
    assert str(caught.value) == (
        "huge.csv: a field is longer than 4 MB, which no export holds; "
        "export the file again and try once more."
    )
