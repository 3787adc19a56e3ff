"""The command-line contract: exit codes, one sentence per refusal, nothing half-imported."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from compliance import store
from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RELATIES = FIXTURES / "eboekhouden" / "relaties-cp1252.csv"
FACTUREN = FIXTURES / "eboekhouden" / "facturen-cp1252.csv"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.duckdb"


def test_import_prints_one_summary_line_per_file(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES), str(FACTUREN)]) == 0
    lines = capsys.readouterr().out.splitlines()
    summaries = [line for line in lines if not line.startswith("  ")]
    assert len(summaries) == 2
    assert summaries[0].startswith("relaties-cp1252.csv: imported from eboekhouden (relations)")
    assert summaries[1].startswith("facturen-cp1252.csv: imported from eboekhouden (invoices)")
    # The relations' warnings follow their summary, one a line, indented.
    assert lines[1:4] == [
        "  warning: row 5: KvK number '12345' is not 8 digits and was ignored.",
        "  warning: row 5: bank account …0004 is not a valid IBAN; it is listed as payment data "
        "but not used for linking.",
        "  warning: row 6: relation K001 also appears at row 2; the last one is kept.",
    ]


def test_same_file_again_changes_nothing(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    before = digest(db)
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "relaties-cp1252.csv: already imported earlier; nothing changed."
    )
    assert digest(db) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leeg.csv", b""),
        ("kapot.csv", bytes(range(256)) * 8),
        ("bestelling.csv", b"Artikel;Aantal;Prijs\nSchroef;10;0,25\n"),
        ("relaties.json", b'{"unexpected": true}'),
    ],
    ids=["empty", "binary", "unknown-columns", "wrong-json"],
)
def test_refused_file_exit_2_one_sentence_database_unchanged(
    db: Path, tmp_path: Path, capsys, name: str, content: bytes
) -> None:
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    capsys.readouterr()
    before = digest(db)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["import", "--db", str(db), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"refused: {name}: ") and err[0].endswith(".")
    assert "Traceback" not in err[0]
    assert digest(db) == before


def test_refused_file_does_not_create_a_database(db: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "leeg.csv"
    bad.write_bytes(b"")
    assert main(["import", "--db", str(db), str(bad)]) == 2
    assert not db.exists()


def test_good_and_bad_file_together(db: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "leeg.csv"
    bad.write_bytes(b"")
    assert main(["import", "--db", str(db), str(bad), str(RELATIES)]) == 2
    out, err = capsys.readouterr()
    assert "relaties-cp1252.csv: imported" in out
    assert err.count("\n") == 1
    assert len(store.imports(db)) == 1


def test_missing_file_is_refused(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), "bestaat-niet.csv"]) == 2
    assert "bestaat-niet.csv: the file does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--type", "access", "--received", "2026-11-02", "--email", "geen-adres"],
            "'geen-adres' is not an e-mail address.",
        ),
        (
            ["--type", "access", "--received", "2026-11-02", "--kvk", "123"],
            "'123' is not a KvK number of 8 digits.",
        ),
        (
            [
                "--type",
                "access",
                "--received",
                "2026-11-02",
                "--name",
                "X",
                "--answered",
                "2026-11-01",
            ],
            "The answer date lies before the date",
        ),
        (
            ["--type", "access", "--received", "2999-01-01", "--name", "X"],
            "The date received lies in the future",
        ),
        (["--type", "gossip", "--received", "2026-11-02", "--name", "X"], "invalid choice"),
        (
            ["--type", "access", "--received", "02-11-2026", "--name", "X"],
            "is not a date like 2026-11-25",
        ),
        (["--type", "access", "--received", "2026-11-02"], "one of the arguments"),
    ],
    ids=[
        "bad-email",
        "bad-kvk",
        "answer-before-receipt",
        "future",
        "bad-type",
        "bad-date",
        "no-subject",
    ],
)
def test_request_add_refusals(db: Path, capsys, args: list[str], message: str) -> None:
    assert main(["request", "add", "--db", str(db), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not db.exists()


def test_request_add_then_report(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES), str(FACTUREN)]) == 0
    assert (
        main(
            [
                "request",
                "add",
                "--db",
                str(db),
                "--type",
                "access",
                "--received",
                "2026-01-31",
                "--email",
                "Verzoeker@Example.NL",
                "--channel",
                "email",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines()[-1].startswith("request 1 (access) recorded")
    assert main(["report", "--db", str(db), "--as-of", "2026-03-03", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    request = report["requests"][0]
    assert request == {
        "id": 1,
        "type": "access",
        "subject_id": request["subject_id"],
        "email": "verzoeker@example.nl",
        "received_on": "2026-01-31",
        "respond_by": "2026-03-02",
        "answered_on": None,
        "status": "overdue",
    }


def test_deletion_done_via_cli(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    assert (
        main(
            [
                "deletion",
                "done",
                "--db",
                str(db),
                "--subject",
                "1",
                "--category",
                "contact",
                "--source",
                "eboekhouden",
                "--on",
                "2026-11-20",
                "--evidence",
                "relatie verwijderd in e-boekhouden",
            ]
        )
        == 0
    )
    assert "marked deleted on 2026-11-20" in capsys.readouterr().out
    assert (
        main(
            [
                "deletion",
                "done",
                "--db",
                str(db),
                "--subject",
                "1",
                "--category",
                "contact",
                "--source",
                "eboekhouden",
                "--on",
                "2026-11-20",
                "--evidence",
                "nog eens",
            ]
        )
        == 2
    )
    assert "Nothing left to delete" in capsys.readouterr().err


def test_db_defaults_to_environment(db: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    assert main(["import", str(RELATIES)]) == 0
    assert db.exists()


def test_help_exits_zero(capsys) -> None:
    assert main(["--help"]) == 0
    assert "import" in capsys.readouterr().out


HOLD_LOCK = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('x', flush=True); "
    "time.sleep(60)"
)


def test_busy_database_exit_3_plain_sentence(db: Path, capsys) -> None:
    store.ensure_database(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        holder.stdout.readline()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "COMPLIANCE_LOCK_WAIT": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "compliance", "import", "--db", str(db), str(RELATIES)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 3
    assert done.stderr.strip().startswith("Another import is using the database")
    assert "IOException" not in done.stderr and "Traceback" not in done.stderr


# ------------------------------------------------------------------ classify: a dry run
MAILBOX = FIXTURES / "mailbox"


def test_classify_prints_a_json_list_of_the_received_messages(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("COMPLIANCE_DB", str(tmp_path / "niet-aanmaken.duckdb"))
    assert main(["classify", str(MAILBOX / "inbox.mbox"), str(MAILBOX / "request-latin1.eml")]) == 0
    out, err = capsys.readouterr()
    found = json.loads(out)
    assert err == "" and isinstance(found, list)
    by_id = {f["message_id"]: f for f in found}
    # Inbound only: our own answers are never classified.
    assert not any("ictroermond.nl" in i for i in by_id)
    assert {f["file"] for f in found} == {str(MAILBOX / "inbox.mbox"),
                                          str(MAILBOX / "request-latin1.eml")}  # fmt: skip
    access = by_id["access-1@example.nl"]
    assert set(access) == {"file", "message_id", "sent_at", "subject", "classes", "candidates",
                           "language", "reasons"}  # fmt: skip
    assert access["classes"] == ["access"] and access["candidates"] == []
    assert access["sent_at"] == "2026-01-31T00:30:00" and access["language"] == "nl"
    assert access["reasons"] and all(
        set(r) == {"type", "status", "rule", "language", "place", "sentence"}
        for r in access["reasons"]
    )
    assert by_id["latin1-termination@proefpersoon.example.nl"]["subject"] == (
        "Beëindiging samenwerking"
    )
    assert not (tmp_path / "niet-aanmaken.duckdb").exists()  # no database, not even made


def test_classify_says_what_an_import_stores(db: Path) -> None:
    """The dry run (`python -m compliance classify`, as the owner runs it) prints exactly
    the classes, candidates, language and evidence an import of the same files stores."""
    files = [MAILBOX / "inbox.mbox", MAILBOX / "messages.zip", MAILBOX / "outlook.msg",
             MAILBOX / "message-trace-utf16.csv"]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "classify", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    found = json.loads(done.stdout)
    printed = {f["message_id"]: (f["classes"], f["candidates"], f["language"]) for f in found}
    assert main(["import", "--db", str(db), *map(str, files)]) == 0
    msgs = store.messages(db)
    inbound = msgs[msgs["direction"] == "inbound"]
    stored = {
        r["message_id"]: (list(r["automatic"]), list(r["candidates"]),
                          None if pd.isna(r["language"]) else r["language"])
        for r in inbound.to_dict("records")
    }  # fmt: skip
    assert printed == stored and len(printed) >= 8
    evidence = store.message_evidence(db).astype(object)
    for f in found:
        rows = evidence[evidence["message_id"] == f["message_id"]].drop(
            columns=["message_id", "position"]
        )
        kept = [{k: None if pd.isna(v) else v for k, v in r.items()}
                for r in rows.to_dict("records")]  # fmt: skip
        assert kept == f["reasons"], f["message_id"]


def test_classify_as_text(capsys) -> None:
    assert main(["classify", "--format", "text", str(MAILBOX / "request-latin1.eml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{MAILBOX / 'request-latin1.eml'}: 2026-04-24T10:30:00 "
        "<latin1-termination@proefpersoon.example.nl> termination: Beëindiging samenwerking"
    )
    assert lines[1].startswith("    counted termination by '")


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("relaties.csv", RELATIES.read_bytes(), "relaties.csv: this is not a mailbox export"),
        ("leeg.eml", b"", "leeg.eml: this is not a mailbox export"),
        ("kapot.mbox", b"From x\n", "kapot.mbox: none of the 1 messages has a readable date"),
    ],
    ids=["bookkeeping", "empty", "no-messages"],
)
def test_classify_refuses_what_is_no_mail_in_one_sentence(
    tmp_path: Path, capsys, name: str, content: bytes, says: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["classify", str(bad), str(MAILBOX / "request-latin1.eml")]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"refused: {says}") and err.count("\n") == 1
    assert [f["message_id"] for f in json.loads(out)] == [
        "latin1-termination@proefpersoon.example.nl"]  # fmt: skip
    assert main(["classify", str(tmp_path / "bestaat-niet.eml")]) == 2
    assert "bestaat-niet.eml: the file does not exist" in capsys.readouterr().err


# ------------------------------------------------------------------------- language
def test_lang_nl_writes_refusals_and_warnings_in_dutch(db: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "leeg.csv"
    bad.write_bytes(b"")
    assert main(["import", "--lang", "nl", "--db", str(db), str(RELATIES), str(bad)]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "geweigerd: leeg.csv: het bestand is leeg; exporteer de lijst opnieuw."
    ]
    assert "  waarschuwing: rij 6: relatie K001 staat ook op rij 2; de laatste is bewaard." in (
        out.splitlines()
    )
    assert "warning:" not in out


def test_lang_follows_a_dutch_environment_and_lang_en_overrules_it(
    db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    bad = tmp_path / "kapot.csv"
    bad.write_bytes(bytes(range(256)) * 8)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert main(["import", "--db", str(db), str(bad)]) == 2
    assert capsys.readouterr().err == (
        "geweigerd: kapot.csv: dit is geen tekst- of Excelbestand; exporteer de lijst opnieuw "
        "als CSV of Excel (.xlsx) en probeer het nog eens.\n"
    )
    assert main(["import", "--lang", "en", "--db", str(db), str(bad)]) == 2
    assert capsys.readouterr().err.startswith("refused: kapot.csv: this is not a text or Excel")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["import", "--db", str(db), str(bad)]) == 2
    assert capsys.readouterr().err.startswith("refused: kapot.csv: this is not a text or Excel")
    assert not db.exists()


def test_lang_nl_writes_the_database_s_refusal_in_dutch(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    capsys.readouterr()
    args = ["deletion", "done", "--lang", "nl", "--db", str(db), "--subject", "1",
            "--category", "contact", "--source", "eboekhouden", "--on", "2026-11-20"]  # fmt: skip
    assert main([*args, "--evidence", ""]) == 2
    assert capsys.readouterr().err == (
        "geweigerd: Schrijf op hoe de gegevens zijn verwijderd (het bewijs) voordat u de "
        "verwijdering afvinkt.\n"
    )


def test_a_dutch_run_in_a_real_process(db: Path, tmp_path: Path) -> None:
    """As the owner runs it from a Dutch terminal: exit 2, one Dutch line on stderr."""
    bad = tmp_path / "leeg.csv"
    bad.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "import", "--db", str(db), str(bad)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "LANG": "nl_NL.UTF-8"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "geweigerd: leeg.csv: het bestand is leeg; exporteer de lijst opnieuw.\n"


def test_report_keeps_dutch_by_default_and_lang_chooses_it(db: Path, capsys) -> None:
    assert main(["import", "--db", str(db), str(RELATIES)]) == 0
    capsys.readouterr()
    assert main(["report", "--db", str(db), "--as-of", "2026-11-25", "--format", "text"]) == 0
    assert "Peildatum" in capsys.readouterr().out
    args = ["report", "--db", str(db), "--as-of", "2026-11-25", "--format", "text"]
    assert main([*args, "--lang", "en"]) == 0
    assert "As of" in capsys.readouterr().out


def test_demo_loads_the_samples_once(tmp_path: Path) -> None:
    """`make run`'s first step: every sample export, the postal requests and three weekly
    sign-offs; a second `--if-empty` run leaves the database as it is."""
    db = tmp_path / "demo.duckdb"
    first = subprocess.run(
        [sys.executable, "-m", "compliance", "demo", "--db", str(db), "--if-empty"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "3 sample weekly sign-offs recorded" in first.stdout
    assert "sample postal requests recorded" in first.stdout
    imports = len(store.imports(db))
    again = subprocess.run(
        [sys.executable, "-m", "compliance", "demo", "--db", str(db), "--if-empty"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert again.returncode == 0 and "already holds data" in again.stdout
    assert len(store.imports(db)) == imports
