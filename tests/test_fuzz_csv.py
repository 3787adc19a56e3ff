"""Fuzzing the sniffing layer with well-formed but odd CSV files (hypothesis).

Random delimiters, quoting, encodings and byte-order marks, line ends, header permutations
from the importers' own aliases, title rows, blank lines, very long fields, NULs and files
cut off anywhere: whatever comes in, `etl.detect`, `etl.parse_file` and
`etl.tabular.read_table` may only raise `ImportRefused`, in one line about the file. A file
that is merely laid out differently (columns in another order, another delimiter, encoding
or quoting) reads as the same relations. Random bytes are fuzzed in test_etl_registry.py
and test_fuzz_formats.py.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import etl
from etl import eboekhouden, snelstart
from etl.mail_read import TRACE_COLUMNS
from etl.model import ImportRefused
from etl.tabular import read_table
from etl.website_scan import ALIASES as SCAN_ALIASES

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Every importer's columns: (aliases by field, the fields its files must have).
SPECS = [
    (spec.aliases, [group[0] for group in spec.required])
    for spec in etl._TABULAR  # the registry's own table of CSV importers
] + [
    (SCAN_ALIASES, ["name", "domain", "retention"]),
    ({k: list(v) for k, v in TRACE_COLUMNS.items()}, ["sender", "recipient", "message_id"]),
]
DELIMITERS = [";", ",", "\t", "|", ":", " "]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be"]
LINE_ENDS = ["\r\n", "\n", "\r"]
QUOTING = [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE]
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "01-02-2024", "2024-02-30", "31-12-2099", "45352", "1.234,56", "ja",
                     "NL69TEST0000000001", "info@example.nl; b@example.nl", "90000001", "=1+1",
                     '"', '""', "a\nb", "\x00", "\ufeff", ";", ",", "\t"]),
    st.integers(0, 200_000).map(lambda n: "x" * n),
)  # fmt: skip


def _only_refusals(path: Path) -> None:
    for call in (lambda: etl.detect(path), lambda: etl.parse_file(path)):
        try:
            call()
        except ImportRefused as exc:
            message = str(exc)
            assert message.startswith(f"{path.name}: ") and "\n" not in message, message
            assert "unexpected problem" not in message, message


@st.composite
def odd_csv(draw: st.DrawFn) -> bytes:
    aliases, required = draw(st.sampled_from(SPECS))
    fields = draw(st.permutations(list(aliases)))
    fields = required + [f for f in fields if f not in required][: draw(st.integers(0, 8))]
    fields = draw(st.permutations(fields))
    header = [draw(st.sampled_from(list(aliases[f]))) for f in fields]
    header = [draw(st.sampled_from([h, h.upper(), h.lower(), f" {h} ", f"Fld{h}"])) for h in header]
    if draw(st.booleans()):
        header.insert(draw(st.integers(0, len(header))), draw(st.text(max_size=12)))
    rows = draw(st.lists(st.lists(VALUES, max_size=len(header) + 2), max_size=6))
    delimiter = draw(st.sampled_from(DELIMITERS))
    quoting = draw(st.sampled_from(QUOTING))
    end = draw(st.sampled_from(LINE_ENDS))
    buffer = io.StringIO()
    out = csv.writer(
        buffer, delimiter=delimiter, quoting=quoting, escapechar="\\", lineterminator=end
    )

    def write(row: list[str]) -> None:
        try:
            out.writerow(row)
        except csv.Error:  # QUOTE_NONE cannot write every row: written as it comes then
            buffer.write(delimiter.join(row) + end)

    for _ in range(draw(st.integers(0, 3))):  # title rows and blank lines above the header
        write(draw(st.lists(st.text(max_size=20), max_size=2)))
    write(header)
    for row in rows:
        write(row)
        if draw(st.integers(0, 5)) == 0:
            write([])
    encoding = draw(st.sampled_from(ENCODINGS))
    data = buffer.getvalue().encode(encoding, errors="replace")
    if draw(st.booleans()) and encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
               "utf-16-be": codecs.BOM_UTF16_BE}[encoding]  # fmt: skip
        data = bom + data
    if draw(st.integers(0, 4)) == 0:  # cut off anywhere
        data = data[: draw(st.integers(0, len(data)))]
    return data


@FUZZ
@given(data=odd_csv(), suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".json", ""]))
def test_odd_csv_files_only_ever_raise_import_refused(tmp_path, data, suffix):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(data)
    _only_refusals(path)


@FUZZ
@given(data=odd_csv(), spec=st.sampled_from(SPECS))
def test_reading_an_odd_csv_as_a_table_only_raises_import_refused(tmp_path, data, spec):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    try:
        table = read_table(path, spec[0])
        for _number, cells in table.rows():
            assert isinstance(cells, tuple)
    except ImportRefused as exc:
        assert str(exc).startswith("export.csv: ") and "\n" not in str(exc)


# ------------------------------------------------------------------------- same content
NAMES = (
    st.text(st.sampled_from("abcdeéëxyz ABC.&'-,;\"|"), min_size=1, max_size=25)
    .map(str.strip)
    .filter(bool)
)
RELATION = st.tuples(
    st.from_regex(r"K[0-9]{1,5}", fullmatch=True),
    NAMES,
    st.sampled_from(["", "jan@example.nl", "a@b.example; c@d.example"]),
    st.sampled_from(["", "90000001", "12345"]),
    st.sampled_from(["", "15-1-2019", "2020-02-03", "1-3-2021"]),
)
EB_COLUMNS = ["Code", "Bedrijf", "Email", "KvkNummer", "AddDatum"]


def _relations(path: Path, source: str) -> list[tuple] | str:
    try:
        export = etl.parse_file(path, source)
    except ImportRefused:
        return "refused"
    return sorted((s.ref, s.name, s.emails, s.kvk, s.added_on) for s in export.subjects)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    relations=st.lists(RELATION, min_size=1, max_size=6, unique_by=lambda r: r[0]),
    order=st.permutations(range(5)),
    delimiter=st.sampled_from([";", ",", "\t", "|"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    line_end=st.sampled_from(LINE_ENDS),
    final_line_end=st.booleans(),
)
def test_the_layout_of_a_relations_csv_does_not_change_what_is_read(
    tmp_path, relations, order, delimiter, quoting, encoding, line_end, final_line_end
):
    def write(path: Path, columns: list[int], delim: str, quote: int, enc: str, end: str,
              final: bool) -> Path:  # fmt: skip
        buffer = io.StringIO()
        out = csv.writer(buffer, delimiter=delim, quoting=quote, lineterminator=end)
        out.writerow([EB_COLUMNS[i] for i in columns])
        for relation in relations:
            out.writerow([relation[i] for i in columns])
        text = buffer.getvalue() if final else buffer.getvalue().removesuffix(end)
        path.write_bytes(text.encode(enc))
        return path

    plain = write(tmp_path / "plain.csv", list(range(5)), ";", csv.QUOTE_MINIMAL, "utf-8",
                  "\r\n", True)  # fmt: skip
    odd = write(tmp_path / "odd.csv", list(order), delimiter, quoting, encoding, line_end,
                final_line_end)  # fmt: skip
    assert _relations(odd, "eboekhouden") == _relations(plain, "eboekhouden")


def test_snelstart_and_eboekhouden_specs_are_fuzzed() -> None:
    fuzzed = {id(aliases) for aliases, _ in SPECS}
    assert id(eboekhouden.RELATION_ALIASES) in fuzzed and id(snelstart.INVOICE_ALIASES) in fuzzed
