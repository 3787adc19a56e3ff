"""e-boekhouden.nl relations read a column at a time against the row-by-row reference:
the same subjects, records, counts, warnings and refusals on generated plain CSV files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import eboekhouden
from etl.model import ImportRefused, texts

AS_OF = date(2026, 11, 25)
HEADER = ["Code", "Bedrijf", "Contactpersoon", "Email", "Email factuur", "KvkNummer", "IBAN",
          "BIC", "BP", "Inactief", "Machtiging", "Machtigingsdatum", "AddDatum",
          "Gewijzigd op", "Adres", "Plaats", "Notitie", "Def1"]  # fmt: skip
FIXTURES_OK = [HealthCheck.function_scoped_fixture]

CELLS = {
    "Code": ["K1", "K2", "K3", " K1", "", "  ", '"K;4"', "K\u00a05"],
    "Bedrijf": ["", "Jansen BV", "Bakkerij De Vries B.V.", " x ", '"A; B"', "Müller & Zn"],
    "Contactpersoon": ["", "Piet", "An de Wit"],
    "Email": ["", "piet@example.nl", "Piet@Example.NL", "a@x.nl b@y.nl", "Piet <p@x.nl>",
              "mailto:m@x.nl", ".a@x.nl", "garbage", " ", '"a@x.nl,b@x.nl"', "a@x", "é@x.nl"],
    "Email factuur": ["", "piet@example.nl", "q@x.nl", "nope"],
    "KvkNummer": ["", "12345678", "1234567", "abc", "KvK 1234.5678", "00000000"],
    "IBAN": ["", "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "NL00ABNA0417164300",
             "1234567", "nl91abna0417164300", "NL91-ABNA-0417164300"],
    "BIC": ["", "ABNANL2A"],
    "BP": ["", "B", "P", "b", "Bedrijf", "x"],
    "Inactief": ["", "ja", "nee", "1", "0", "waar", "x"],
    "Machtiging": ["", "ja", "nee", "Geen", "MND-1", "Core", "0"],
    "Machtigingsdatum": ["", "1-2-2020", "garbage"],
    "AddDatum": ["", "29-07-2024", "2019-02-01", "31-2-2020", "1-1-1980", "1-1-2030",
                 "45352", "zomaar", " 2-4-2024 "],
    "Gewijzigd op": ["", "01-03-2025", "x"],
    "Adres": ["", "Dorpsstraat 2"],
    "Plaats": ["", "Roermond"],
    "Notitie": ["", "belt liever", '"a; b"'],
    "Def1": ["", "x"],
}  # fmt: skip


@st.composite
def relation_rows(draw) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(0, 60))):
        if draw(st.integers(0, 12)) == 0:  # a blank row
            rows.append([draw(st.sampled_from(["", " "])) for _ in HEADER])
            continue
        rows.append([draw(st.sampled_from(CELLS[h])) for h in HEADER])
    return rows


def _write(path: Path, header: list[str], rows: list[list[str]], encoding: str, eol: str) -> Path:
    path.write_bytes(eol.join(";".join(r) for r in [header, *rows]).encode(encoding))
    return path


def _both(path: Path, monkeypatch, columns: bool = True) -> tuple[object, object]:
    """(column path, row path) results: a ParsedExport or the refusal's sentence. The
    first one must really have been read a column at a time (unless not `columns`: a
    header alone is no table to pyarrow)."""

    def run():
        try:
            return eboekhouden.parse_relations(path, as_of=AS_OF)
        except ImportRefused as exc:
            return str(exc)

    calls = []
    with monkeypatch.context() as m:
        real = eboekhouden.relations_by_columns
        m.setattr(eboekhouden, "relations_by_columns", lambda *a: calls.append(1) or real(*a))
        by_columns = run()
    assert calls == [1] or not columns, "the column path was not taken"
    with monkeypatch.context() as m:
        m.setattr(eboekhouden, "plain_columns", lambda table: None)
        by_rows = run()
    return by_columns, by_rows


@settings(max_examples=200, deadline=None, suppress_health_check=FIXTURES_OK)
@given(
    rows=relation_rows(),
    encoding=st.sampled_from(["utf-8", "cp1252"]),
    eol=st.sampled_from(["\n", "\r\n"]),
)
def test_columns_and_rows_agree_on_relations(tmp_path, monkeypatch, rows, encoding, eol):
    path = _write(tmp_path / "relaties.csv", HEADER, rows, encoding, eol)
    by_columns, by_rows = _both(path, monkeypatch, columns=bool(rows))
    assert by_columns == by_rows


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES_OK)
@given(rows=relation_rows())
def test_columns_and_rows_agree_with_an_actief_column(tmp_path, monkeypatch, rows):
    """No Inactief column but Actief: 'not active' is inactive."""
    header = [("Actief" if h == "Inactief" else h) for h in HEADER]
    path = _write(tmp_path / "relaties.csv", header, rows, "utf-8", "\n")
    by_columns, by_rows = _both(path, monkeypatch, columns=bool(rows))
    assert by_columns == by_rows


def test_the_column_path_keeps_the_rules(tmp_path, monkeypatch):
    rows = [
        ["K1", "Jansen BV", "Piet", "Piet@Example.NL", "", "1234567", "NL91 ABNA 0417 1643 00",
         "ABNANL2A", "B", "", "ja", "1-2-2020", "29-07-2024", "", "Dorpsstraat 2", "", "", ""],
        ["K2", "", "", "garbage", '"a@x.nl; b@y.nl"', "abc", "1234567", "", "P", "ja", "", "",
         "zomaar", "", "", "", "", ""],
        ["K1", "Jansen B.V.", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    path = _write(tmp_path / "relaties.csv", HEADER, rows, "cp1252", "\r\n")
    parsed, by_rows = _both(path, monkeypatch)
    assert parsed == by_rows
    first, second = parsed.subjects
    assert (first.ref, first.name, first.kvk, first.iban) == ("K1", "Jansen B.V.", None, None)
    assert second.emails == ("a@x.nl", "b@y.nl") and second.inactive is True
    assert second.is_company is False
    assert texts(parsed.warnings) == (
        "row 3: AddDatum 'zomaar' is not a date and was ignored.",
        "row 3: relation K2 has no name; its code is shown instead.",
        "row 3: KvK number 'abc' is not 8 digits and was ignored.",
        "row 3: an e-mail field holds no valid address.",
        "row 3: bank account …4567 is not a valid IBAN; it is listed as payment data but "
        "not used for linking.",
        "row 4: relation K1 also appears at row 2; the last one is kept.",
    )
    # The first K1 was replaced whole by the last one (no IBAN: no payment record).
    assert [(r.subject_ref, r.category) for r in parsed.records] == [
        ("K1", "contact"), ("K2", "contact"), ("K2", "payment")]  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_quoted_delimiters_in_relations(tmp_path, monkeypatch, encoding):
    rows = [['"K1"', '"Jansen; Zonen"', "", '"a@x.nl; b@y.nl"'] + [""] * (len(HEADER) - 4)]
    by_columns, by_rows = _both(_write(tmp_path / "relaties.csv", HEADER, rows, encoding, "\n"),
                                monkeypatch)  # fmt: skip
    assert by_columns == by_rows
    assert by_columns.subjects[0].name == "Jansen; Zonen"
    assert by_columns.subjects[0].emails == ("a@x.nl", "b@y.nl")


@pytest.mark.parametrize(
    ("category", "ref", "sentence"),
    [
        ("contact", "K9", "a record refers to unknown relation K9."),
        ("secret", "K1", "unknown category secret."),
        ("contact", "K1", None),
    ],
)
def test_the_guard_against_importer_bugs_reads_columns_too(category, ref, sentence):
    """importing._check on rows and on a column reader's tables: the same sentence."""
    from compliance.importing import _check
    from etl.arrow_rows import RECORDS, SUBJECTS, RecordColumns, SubjectColumns, columns_of
    from etl.model import ParsedExport, RecordRow, SubjectRow

    subjects = (SubjectRow("K1", "Jansen"),)
    records = (RecordRow("K1", "contact", "K1"), RecordRow(ref, category, ref))
    outcomes = []
    for subject_rows, record_rows in (
        (subjects, records),
        (SubjectColumns(columns_of(subjects, SUBJECTS)),
         RecordColumns(columns_of(records, RECORDS))),
    ):  # fmt: skip
        parsed = ParsedExport("eboekhouden", "relations", subject_rows, record_rows)
        try:
            _check(parsed, Path("relaties.csv"))
            outcomes.append(None)
        except ImportRefused as exc:
            outcomes.append(str(exc).removeprefix("relaties.csv: internal error, "))
    assert outcomes == [sentence, sentence]
