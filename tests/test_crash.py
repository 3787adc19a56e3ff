"""What a crash or a second import leaves behind: never part of an import, never a raw
DuckDB error, and the same file imports cleanly afterwards. Backups and restore."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from compliance import store
from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "eboekhouden"
HEADER = "ID;AddDatum;Code;Bedrijf;Contactpersoon;Plaats;Email;KvkNummer;IBAN\n"


def big_relations_csv(path: Path, rows: int, offset: int = 0) -> Path:
    """An e-boekhouden relaties export with `rows` fake companies (cp1252, `;`)."""
    with path.open("w", encoding="cp1252", newline="") as fh:
        fh.write(HEADER)
        for i in range(offset, offset + rows):
            fh.write(
                f"{i};01-02-2024;R{i:07d};Testbedrijf {i} B.V.;Jan Fictief {i};Swalmen;"
                f"info{i}@voorbeeld.example;{90000000 + i};\n"
            )
    return path


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "COMPLIANCE_LOCK_WAIT": "60"}


def start_import(db: Path, *files: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "compliance", "import", "--db", str(db), *map(str, files)],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM "
            "subjects), (SELECT count(*) FROM records)"
        ).fetchall()[0]
    finally:
        con.close()


def test_sigkill_during_an_import_leaves_nothing_of_it(tmp_path: Path) -> None:
    small = FIXTURES / "relaties-cp1252.csv"
    big = big_relations_csv(tmp_path / "relaties-groot.csv", 30_000)
    # The outcome of a clean run: the small file, then the big one.
    reference = tmp_path / "reference.duckdb"
    assert main(["import", "--db", str(reference), str(small)]) == 0
    started = time.monotonic()
    assert start_import(reference, big).wait(timeout=300) == 0
    full = time.monotonic() - started
    whole = counts(reference)

    outcomes = []
    for fraction in (0.5, 0.7, 0.85, 0.95):
        db = tmp_path / f"killed-{fraction}.duckdb"
        assert main(["import", "--db", str(db), str(small)]) == 0
        before = counts(db)
        proc = start_import(db, big)
        time.sleep(full * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The file opens, and holds either none of the import or all of it.
        after = counts(db)
        assert after in (before, whole), (fraction, before, after, whole)
        outcomes.append("none" if after == before else "all")
        # And the same file imports cleanly afterwards (or is already there, whole).
        retry = start_import(db, big)
        _out, err = retry.communicate(timeout=300)
        assert retry.returncode == 0, err
        assert counts(db) == whole
    # At least one kill must have hit before the commit, or the test proved nothing.
    print(f"SIGKILL outcomes at 50/70/85/95% of a clean run: {outcomes}")
    assert "none" in outcomes, outcomes


def test_two_imports_at_once_both_complete(tmp_path: Path) -> None:
    db = tmp_path / "both.duckdb"
    store.ensure_database(db)
    a = big_relations_csv(tmp_path / "a.csv", 20_000)
    b = big_relations_csv(tmp_path / "b.csv", 20_000, offset=100_000)
    first, second = start_import(db, a), start_import(db, b)
    results = [(*p.communicate(timeout=300), p.returncode) for p in (first, second)]
    for _out, err, code in results:
        assert code == 0, err
        assert "Traceback" not in err and "IOException" not in err
    assert counts(db)[:2] == (2, 40_000)


def test_an_import_while_the_database_stays_busy_says_so_plainly(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    store.ensure_database(db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); "
            "print('x', flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder.stdout.readline()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "compliance",
                "import",
                "--db",
                str(db),
                str(FIXTURES / "relaties-cp1252.csv"),
            ],
            cwd=ROOT,
            env={**env(), "COMPLIANCE_LOCK_WAIT": "1"},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 3
    assert proc.stderr.strip() == (
        f"Another import is using the database {db}; wait until it has finished and try again."
    )
    assert counts(db)[0] == 0


# ------------------------------------------------------------------------- backup/restore
NOW = datetime(2026, 11, 25, 10, 15)


def test_backup_and_restore_roundtrip(tmp_path: Path, capsys) -> None:
    db = tmp_path / "data" / "compliance.duckdb"
    assert main(["import", "--db", str(db), str(FIXTURES / "relaties-cp1252.csv")]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    copy = Path(line.removeprefix("backup written to ").removesuffix("."))
    assert copy.parent == db.parent / "backups" and copy.exists()
    at_backup = counts(db)

    assert main(["import", "--db", str(db), str(FIXTURES / "facturen-cp1252.csv")]) == 0
    assert counts(db)[0] == at_backup[0] + 1

    assert main(["restore", "--db", str(db), str(copy)]) == 0
    assert counts(db) == at_backup
    saved = list((db.parent / "backups").glob("compliance-before-restore-*.duckdb"))
    assert len(saved) == 1 and counts(saved[0])[0] == at_backup[0] + 1
    actions = store.audit_log(db)["action"].tolist()
    assert actions[0] == "restore" and "backup" in actions


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is not a backup of this dashboard's database"),
        (b"not a database at all" * 100, "is not a backup of this dashboard's database"),
    ],
    ids=["empty", "garbage"],
)
def test_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, capsys, content: bytes, message: str
) -> None:
    db = tmp_path / "compliance.duckdb"
    assert main(["import", "--db", str(db), str(FIXTURES / "relaties-cp1252.csv")]) == 0
    before = db.read_bytes()
    bad = tmp_path / "oud.duckdb"
    bad.write_bytes(content)
    assert main(["restore", "--db", str(db), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert db.read_bytes() == before


def test_restore_refuses_a_backup_from_a_newer_version(tmp_path: Path, capsys) -> None:
    db = tmp_path / "compliance.duckdb"
    newer = tmp_path / "newer.duckdb"
    store.ensure_database(newer)
    con = duckdb.connect(str(newer))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    assert main(["restore", "--db", str(db), str(newer)]) == 2
    assert "newer version of AVG-toezicht" in capsys.readouterr().err


def test_backup_of_missing_database_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["backup", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "There is no database" in capsys.readouterr().err


# ------------------------------------------------------------------------- one sentence
HOLD_LOCK = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    return err[0]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.suffix in {".restoring", ".partial"})


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    db = tmp_path / "compliance.duckdb"
    assert main(["import", "--db", str(db), str(FIXTURES / "relaties-cp1252.csv")]) == 0
    return db


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "x.csv").write_text("a;b\n1;2\n") and d / "x.csv", "is not a backup"),
        (lambda d: (d / "kort.duckdb").write_bytes(b"") or d / "kort.duckdb", "is not a backup"),
        (lambda d: d / "nergens.duckdb", "there is no such backup file"),
        (lambda d: d, "there is no such backup file"),  # a folder
    ],
    ids=["csv", "empty", "missing", "folder"],
)
def test_restore_of_what_is_no_backup_is_one_sentence(
    filled: Path, tmp_path: Path, capsys, make, message: str
) -> None:
    before = filled.read_bytes()
    actions = store.audit_log(filled)["action"].tolist()
    capsys.readouterr()
    assert main(["restore", "--db", str(filled), str(make(tmp_path))]) == 2
    assert message in _one_line(capsys)
    assert filled.read_bytes() == before and _leftovers(tmp_path) == []
    assert store.audit_log(filled)["action"].tolist() == actions


def test_a_truncated_database_is_refused_by_every_command(filled: Path, capsys) -> None:
    cut = filled.with_name("kapot.duckdb")
    cut.write_bytes(filled.read_bytes()[:100_000])
    before = cut.read_bytes()
    capsys.readouterr()
    for argv in (
        ["report", "--db", str(cut), "--as-of", "2026-11-25"],
        ["backup", "--db", str(cut)],
        [
            "audit",
            "--db",
            str(cut),
            "--as-of",
            "2026-11-25",
            "--out",
            str(cut.with_suffix(".xlsx")),
        ],
        ["import", "--db", str(cut), str(FIXTURES / "facturen-cp1252.csv")],
        ["restore", "--db", str(filled), str(cut)],
    ):
        assert main(argv) == 2, argv
        line = _one_line(capsys)
        assert "kapot.duckdb" in line and "Traceback" not in line, argv
    assert cut.read_bytes() == before and not cut.with_suffix(".xlsx").exists()


def test_a_backup_to_a_missing_folder_is_refused_and_not_logged(filled: Path, capsys) -> None:
    actions = store.audit_log(filled)["action"].tolist()
    capsys.readouterr()
    target = filled.parent / "nergens" / "kopie.duckdb"
    assert main(["backup", "--db", str(filled), "--out", str(target)]) == 2
    assert "does not exist" in _one_line(capsys)
    assert store.audit_log(filled)["action"].tolist() == actions  # no backup that isn't there
    assert not target.parent.exists()


def test_a_restore_refused_as_busy_leaves_nothing_beside_the_database(
    filled: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    assert main(["backup", "--db", str(filled), "--out", str(tmp_path / "kopie.duckdb")]) == 0
    before = filled.read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(filled), "30"],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(store.connection, "LOCK_WAIT_SECONDS", 0.5)
        capsys.readouterr()
        assert main(["restore", "--db", str(filled), str(tmp_path / "kopie.duckdb")]) == 3
        assert "Another import is using the database" in _one_line(capsys)
    finally:
        holder.kill()
        holder.wait()
    assert _leftovers(tmp_path) == [] and filled.read_bytes() == before


def test_a_fault_of_ours_is_one_sentence_and_its_trace_goes_to_the_log(
    tmp_path: Path, fault_log: Path
) -> None:
    # A real process, so that nothing else (Python, a library's logging) reaches stderr.
    db = tmp_path / "compliance.duckdb"
    code = (
        "import sys; from compliance import cli\n"
        "def broken(args): raise RuntimeError('kapot: Testbedrijf Fictief')\n"
        "cli.cmd_backup = broken\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, "backup", "--db", str(db)], env={
        **env(), "AVG_LOG_DIR": str(fault_log)}, capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 1
    (line,) = run.stderr.splitlines()
    assert "did not expect" in line and "Traceback" not in line and "Fictief" not in line
    log = (fault_log / "avg-toezicht.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError" in log and "backup" in log


@pytest.mark.parametrize(
    "name",
    ["relaties\nrefused: alles.csv", "\x1b[31mrood\x1b[0m.csv", "rapport\u202evsc.exe",
     "regel\u2028twee.csv"],
    ids=["newline", "ansi", "rtl-override", "line-separator"],
)  # fmt: skip
def test_a_file_name_cannot_forge_a_line_or_recolour_the_terminal(
    tmp_path: Path, capsys, name: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"\x00\x01\x02 geen export")
    assert main(["import", "--db", str(tmp_path / "c.duckdb"), str(bad)]) == 2
    line = _one_line(capsys)
    assert line.startswith("refused: ")
    assert not any(ch in line for ch in "\x1b\u202e\u2028\n\r")


def test_a_name_cannot_forge_a_line_of_the_text_report(tmp_path: Path, capsys) -> None:
    from datetime import date

    from tests.factories import export, relation

    db = tmp_path / "c.duckdb"
    forged = relation("1", "Kwaad BV\n  - [hoog] alles in orde", added_on=date(2020, 1, 6))
    client = relation("2", "Klant Test BV", added_on=date(2020, 1, 6))
    parsed = export("eboekhouden", [forged, client], invoices=[("F1", "2", date(2026, 9, 1))])
    store.load_export(db, parsed, "r.csv", "sha", "t", NOW)  # 1 is a prospect, long overdue
    capsys.readouterr()
    assert main(["report", "--db", str(db), "--as-of", "2026-11-25", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Kwaad BV\\n  - [hoog] alles in orde" in out  # shown, on its own line
    assert not any(line.startswith("  - [hoog] alles") for line in out.splitlines())
