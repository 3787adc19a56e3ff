"""Bad input, nothing lost: every file of tests/bad_inputs/ through the CLI, the upload page
and the parser (see tests/bad_inputs/MANIFEST.csv for what each file is and must do).

A refused file gives exit 2 and one sentence naming the file on stderr, the same sentence on
the upload page, and leaves the database byte-identical; a file that is importable with
warnings is imported, and its warnings are shown. The database starts with a real import
(the e-boekhouden relations and invoices of tests/fixtures), so "unchanged" means something.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import etl
from compliance import store
from compliance.cli import main
from compliance.importing import parse
from compliance.ui.display import md_escape
from etl.model import ImportRefused, texts
from tests.bad_inputs.make_bad_inputs import BIG, CASES, GENERATED_AT_TEST_TIME

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_inputs"
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = date(2026, 11, 25)
MANIFEST = list(csv.DictReader((CORPUS / "MANIFEST.csv").open(encoding="utf-8")))
ROWS = {row["file"]: row for row in MANIFEST}
REFUSED = [row["file"] for row in MANIFEST if row["expected"] == "refused"]
ACCEPTED = [row["file"] for row in MANIFEST if row["expected"] != "refused"]
# What the owner must never read: a traceback or the name of a Python exception class.
RAW = re.compile(
    r"Traceback|\b[A-Z]\w*(?:Error|Exception|Forbidden|Warning)\b|BadZipFile|StopIteration"
    r"|unexpected problem"
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every corpus file by name; the big ones written now, into a temporary folder."""
    folder = tmp_path_factory.mktemp("big")
    found = {row["file"]: CORPUS / row["file"] for row in MANIFEST}
    for name, (*_, write) in BIG.items():
        found[name] = write(folder / name)
    return found


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding a real import, copied by each test that imports into it."""
    db = tmp_path_factory.mktemp("base") / "base.duckdb"
    relations = FIXTURES / "eboekhouden" / "relaties-cp1252.csv"
    invoices = FIXTURES / "eboekhouden" / "facturen-cp1252.csv"
    assert main(["import", "--db", str(db), str(relations), str(invoices)]) == 0
    return db


@pytest.fixture
def db(base_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "compliance.duckdb"
    shutil.copyfile(base_db, copy)
    return copy


def assert_one_sentence(message: str, name: str) -> None:
    assert message.startswith(f"{name}: "), message
    assert message.endswith("."), message
    assert "\n" not in message and not RAW.search(message), message
    assert not re.search(r"[.?!]\s+[A-Z]", message.removeprefix(name)), message  # one sentence


# ------------------------------------------------------------------------- the manifest
def test_the_manifest_lists_every_file_and_every_importer() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {
        "MANIFEST.csv", "make_bad_inputs.py", "__init__.py",
    }  # fmt: skip
    committed = {r["file"] for r in MANIFEST if GENERATED_AT_TEST_TIME not in r["problem"]}
    assert on_disk == committed
    assert [r["file"] for r in MANIFEST] == [c.file for c in CASES] + list(BIG)
    assert len(MANIFEST) >= 40
    assert {r["importer"] for r in MANIFEST} == {k.id for k in etl.KINDS}
    assert {r["expected"] for r in MANIFEST} == {"refused", "warning", "imported"}
    for case in CASES:  # the committed bytes are what the generator writes
        assert (CORPUS / case.file).read_bytes() == case.build(), case.file


# ------------------------------------------------------------------------- the CLI
@pytest.mark.parametrize("name", REFUSED)
def test_cli_refuses_in_one_sentence_and_the_database_is_unchanged(
    name: str, files: dict[str, Path], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(db)
    assert main(["import", "--db", str(db), str(files[name])]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("refused: "), err
    sentence = lines[0].removeprefix("refused: ")
    assert_one_sentence(sentence, name)
    assert ROWS[name]["message"] in sentence
    assert sha256(db) == before


@pytest.mark.parametrize("name", ACCEPTED)
def test_cli_imports_what_is_importable_and_keeps_what_was_there(
    name: str, files: dict[str, Path], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subjects_before = len(store.subjects(db))
    parsed = parse(files[name])
    if ROWS[name]["expected"] == "warning":
        warnings = texts(parsed.warnings)
        assert any(ROWS[name]["message"] in w for w in warnings), warnings
        assert all(len(w) < 300 for w in warnings)  # a sentence, never the cell itself
    else:
        assert parsed.warnings == ()
    assert main(["import", "--db", str(db), str(files[name])]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith(f"{name}: imported from ")
    assert len(store.subjects(db)) >= subjects_before


def test_one_cli_run_over_every_bad_file_in_a_real_process(
    files: dict[str, Path], db: Path
) -> None:
    """As the owner runs it: stderr holds one line per file and nothing else (no library
    warning, no log record, no traceback), and the database is byte-identical."""
    before = sha256(db)
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "import", "--db", str(db),
         *(str(files[name]) for name in REFUSED)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == REFUSED, done.stderr
    for line, name in zip(lines, REFUSED, strict=True):
        assert_one_sentence(line.removeprefix("refused: "), name)
    assert sha256(db) == before


# ------------------------------------------------------------------------- in Dutch
# Words of an English sentence that plain Dutch never has (with the spaces around them).
ENGLISH = (" the ", " is not ", " file ", " row ", " was ", " could not ", " and try ")


def assert_dutch(message: str, name: str) -> None:
    """One sentence naming the file, as `assert_one_sentence`, and not in English."""
    assert_one_sentence(message, name)
    found = [word for word in ENGLISH if word in f" {message.removeprefix(name)} "]
    assert not found, (found, message)


@pytest.mark.parametrize("name", REFUSED)
def test_every_refusal_has_its_own_dutch_sentence(name: str, files: dict[str, Path]) -> None:
    with pytest.raises(ImportRefused) as caught:
        parse(files[name])
    dutch = caught.value.text("nl")
    assert_dutch(dutch, name)
    assert dutch != str(caught.value)
    assert caught.value.text("en") == str(caught.value)


@pytest.mark.parametrize("name", [name for name in ACCEPTED if ROWS[name]["expected"] == "warning"])
def test_every_warning_has_its_own_dutch_sentence(name: str, files: dict[str, Path]) -> None:
    parsed = parse(files[name])
    for warning in parsed.warnings:
        dutch = warning.text("nl")
        assert dutch != str(warning) and "\n" not in dutch
        assert not [word for word in ENGLISH if word in f" {dutch} "], dutch


def test_a_dutch_number_reads_with_a_dot_between_thousands(files: dict[str, Path]) -> None:
    with pytest.raises(ImportRefused) as caught:
        parse(files["mail-60000-recipients.eml"])
    assert "addressed to 60,000 people" in str(caught.value)
    assert "gericht aan 60.000 mensen, meer dan een mailserver bezorgt (10.000)" in (
        caught.value.text("nl")
    )


# ------------------------------------------------------------------------- the upload page
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_upload_page_shows_each_refusal_and_writes_nothing(
    files: dict[str, Path], db: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    before = sha256(db)
    committed = [r["file"] for r in MANIFEST if r["file"] not in BIG]
    at = AppTest.from_file(str(ROOT / "pages" / "importeren.py"), default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.session_state["lang"] = lang
    at.run()
    at.file_uploader[0].set_value(
        [(name, files[name].read_bytes(), "application/octet-stream") for name in committed]
    ).run()
    assert not at.exception
    shown = [e.value for e in at.error]
    expected, expected_warnings = [], []
    for name in committed:
        if ROWS[name]["expected"] == "refused":
            with pytest.raises(ImportRefused) as caught:
                parse(files[name])
            # In the chosen language, shown as text, not markdown.
            expected.append(md_escape(caught.value.text(lang)))
            if lang == "nl":
                assert_dutch(caught.value.text(lang), name)
        else:
            expected_warnings += [md_escape(w) for w in texts(parse(files[name]).warnings, lang)]
    assert shown == expected
    warnings = [w.value for w in at.warning]
    assert warnings == expected_warnings
    for name in committed:
        if ROWS[name]["expected"] == "warning" and lang == "en":
            assert any(ROWS[name]["message"] in w for w in warnings), name
    assert sha256(db) == before


@pytest.mark.parametrize("name", [n for n in BIG if ROWS[n]["expected"] == "refused"])
def test_the_upload_preview_of_a_big_file_is_a_sentence(name: str, files: dict[str, Path]) -> None:
    from compliance.ui.uploads import preview_upload

    parsed, refusal = preview_upload.__wrapped__(name, files[name].read_bytes())
    assert parsed is None
    assert_one_sentence(str(refusal), name)
    assert ROWS[name]["message"] in str(refusal)
    assert_dutch(refusal.text("nl"), name)


# ------------------------------------------------------------------------- regressions
# One test per bug the corpus or the fuzzers found, on the smallest file that shows it.
def refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path, as_of=AS_OF)
    assert_one_sentence(str(caught.value), path.name)
    return str(caught.value)


def test_a_workbook_zip_bomb_is_refused_before_a_row_is_read(files: dict[str, Path]) -> None:
    # Was: 2 million one-letter relations imported after more than two minutes.
    assert "zip bomb" in refusal(files["eb-relaties-zipbomb.xlsx"])


def test_a_formula_is_never_taken_for_data(files: dict[str, Path]) -> None:
    # Was: Excel's saved result read as the company name, and a formula without one as "".
    assert "cell B3 of sheet 'Export' holds a formula" in refusal(
        files["eb-relaties-formulas.xlsx"]
    )


def test_a_workbook_or_bundle_with_a_path_out_of_its_folder_is_refused(
    files: dict[str, Path],
) -> None:
    assert "unsafe path (../../evil.txt)" in refusal(files["eb-relaties-zipslip.xlsx"])
    assert "unsafe path (../transip_vps.json)" in refusal(files["transip-bundle-zipslip.zip"])


def test_a_bundle_zip_bomb_is_not_unpacked(files: dict[str, Path]) -> None:
    # Was: 100 MB inflated in memory, then refused for holding no VPS.
    assert "zip bomb" in refusal(files["transip-bundle-bomb.zip"])


@pytest.mark.parametrize(
    ("name", "reason"),
    [("eb-facturen-truncated.xlsx", "(it is damaged or cut off)"),
     ("eb-relaties-entities.xlsx", "(its XML declares entities, which Excel never writes)"),
     ("mail-truncated.zip", "the zip file is damaged or cut off")],
)  # fmt: skip
def test_a_damaged_workbook_is_described_in_words(
    name: str, reason: str, files: dict[str, Path]
) -> None:
    # Was: "(BadZipFile)", "(ValueError)", and a damaged .zip called an Excel workbook.
    assert reason in refusal(files[name])


def test_a_csv_cut_off_halfway_through_its_last_row_is_refused(tmp_path: Path) -> None:
    # Was: imported, the last relation with half a name and without its other columns.
    path = tmp_path / "relaties.csv"
    path.write_bytes(b"Code;Bedrijf;Email\r\nK1;Een B.V.;a@een.example\r\nK2;Tw")
    assert "the file is cut off (line 3 ends halfway" in refusal(path)
    path.write_bytes(b"Code;Bedrijf;Email\r\nK1;Een B.V.;a@een.example\r\nK2;Twee;b@x.example")
    assert len(etl.parse_file(path).subjects) == 2  # no final line break, but complete


def test_a_utf16_csv_cut_off_in_half_a_character_is_refused(files: dict[str, Path]) -> None:
    assert "ends in half a character" in refusal(files["eb-relaties-utf16-odd.csv"])


def test_a_20_mb_field_is_refused_in_words(files: dict[str, Path]) -> None:
    # Was: "a line is not valid CSV (field larger than field limit (4194304))".
    assert "a field is longer than 4 MB, which no export holds" in refusal(
        files["eb-relaties-20mb-field.csv"]
    )


def test_a_damaged_msg_is_refused_as_an_outlook_message(files: dict[str, Path]) -> None:
    # Was: "this is an old Excel 97-2003 (.xls) workbook".
    for name in ("mail-corrupt.msg", "mail-truncated.msg"):
        assert "this Outlook .msg file could not be read" in refusal(files[name])


@pytest.mark.parametrize("size", [709, 20_001])
def test_a_message_trace_cut_off_in_half_a_character_is_refused(tmp_path: Path, size: int) -> None:
    # Was: a short one not recognised as a trace, a long one "unexpected problem
    # (UnicodeDecodeError)".
    trace = (FIXTURES / "mailbox" / "message-trace-utf16.csv").read_bytes()
    header, _, rows = trace.partition("\n".encode("utf-16-le"))
    body = header + "\n".encode("utf-16-le") + rows * (size // len(rows) + 1)
    path = tmp_path / "trace.csv"
    path.write_bytes(body[:size])
    assert "the message trace is cut off" in refusal(path)


def test_an_html_error_page_saved_as_json_is_not_website_evidence(
    files: dict[str, Path],
) -> None:
    # Was: imported as the website's page source, "no tracking tag was found".
    assert "this is a web page (HTML), not an export" in refusal(
        files["ss-verkoopfacturen-html.json"]
    )


def test_a_vault_row_split_otherwise_than_its_header_is_refused(
    files: dict[str, Path], tmp_path: Path
) -> None:
    # Was: the whole row, password "geheim" included, kept as the item's name.
    message = refusal(files["vault-keepass-semicolons.csv"])
    assert "row 2 has 1 column where the header has 5" in message and "geheim" not in message
    path = tmp_path / "bitwarden.csv"
    path.write_text(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\n,0,login,Router,,,0,http://192.0.2.1,admin,pw,1,2\n"
    )
    assert "row 2 has 12 columns where the header has 11" in refusal(path)


def test_a_firewall_rule_with_one_bare_address_keeps_that_address(
    files: dict[str, Path],
) -> None:
    # Was: every character of "203.0.113.7" a separate "is no IP address" warning.
    export = etl.parse_file(files["transip_firewall_vps-bare-address.json"], as_of=AS_OF)
    assert [a.holder for a in export.access] == ["203.0.113.7/32"]
    assert export.warnings == ()


def test_a_sheet_is_read_by_the_cells_it_holds_not_by_the_size_it_claims(
    files: dict[str, Path],
) -> None:
    from etl.tabular import read_table

    table = read_table(files["eb-relaties-corner-cell.xlsx"])
    rows = list(table.rows())
    # The relation, and the stray cell's own row: not a million rows of 16,384 columns each
    # (the import ran 19 minutes when it believed the dimension).
    assert [number for number, _ in rows] == [2, 1_048_576]
    assert len(rows[0][1]) == 5 and len(rows[1][1]) == 16_384
