"""Marking data deleted redacts it in our own database too; an old export that brings it
back is noticed (`reappeared_after_deletion`), never silently resurrected."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from compliance import importing, store
from compliance.policy import load_policy
from compliance.report import build_snapshot, report_dict
from compliance.workdays import WorkCalendar
from tests.factories import IBAN_A, NOW, export, old_format_sign_off, relation

AS_OF = date(2026, 11, 25)
CAL = WorkCalendar.from_policy(load_policy().calendar)
NAME = "Verdwenen Testbedrijf B.V."
EMAIL = "post@verdwenen.example"


def old_export():
    rel = relation(
        "1003", NAME, kvk="90000003", emails=(EMAIL,), iban=IBAN_A, added_on=date(2018, 1, 1)
    )
    return export(
        "eboekhouden",
        [rel, relation("1004", "Blijvend Test BV", kvk="90000004")],
        invoices=[("F1", "1003", date(2024, 5, 1)), ("F2", "1004", date(2026, 9, 1))],
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.duckdb"
    store.load_export(path, old_export(), "relaties-2025.csv", "sha-old", "t", NOW)
    store.add_request(
        path,
        type="termination",
        received_on=date(2025, 1, 6),
        channel="post",
        actor="t",
        now=NOW,
        kvk="90000003",
        email=EMAIL,
        name=NAME,
    )
    return path


def all_text(db: Path) -> str:
    """Every value of every table, as text: what the dashboard still keeps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return "\n".join(str(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)
    finally:
        con.close()


def delete(db: Path, category: str, subject: int = 1, on: date = date(2026, 11, 20)) -> int:
    return store.mark_deleted(
        db,
        subject_id=subject,
        category=category,
        source="eboekhouden",
        deleted_on=on,
        evidence="verwijderd in e-boekhouden",
        actor="eigenaar",
        now=datetime(2026, 11, 20, 10),
    )


def report(db: Path) -> dict:
    return report_dict(build_snapshot(db, load_policy(), AS_OF))


def test_partly_deleted_subject_keeps_its_name_but_not_the_payment_detail(db: Path) -> None:
    delete(db, "payment")
    text = all_text(db)
    assert "NL…4300" not in text  # the masked IBAN of the deleted payment record
    assert NAME in text  # contact data is still kept (7 years), so is the name
    con = duckdb.connect(str(db), read_only=True)
    ref, detail = con.execute(
        "SELECT ref, detail FROM records WHERE category = 'payment'"
    ).fetchall()[0]
    hashes = con.execute("SELECT ref_hash FROM redacted_records").fetchall()
    con.close()
    assert ref.startswith("redacted:") and detail == ""
    assert len(hashes) == 1 and len(hashes[0][0]) == 64 and "1003" not in hashes[0][0]


def test_fully_deleted_subject_is_forgotten_but_the_evidence_stays(db: Path) -> None:
    delete(db, "payment")
    delete(db, "contact")
    text = all_text(db)
    for secret in (NAME, EMAIL, "90000003", "verdwenen testbedrijf", "NL…4300"):
        assert secret not in text, secret
    subjects = {s["id"]: s for s in report(db)["subjects"]}
    assert subjects[1]["name"] == "#1" and subjects[1]["emails"] == []
    assert subjects[1]["kvk"] is None
    assert subjects[2]["name"] == "Blijvend Test BV"  # others untouched
    deletions = [d for d in report(db)["deletions"] if d["subject_id"] == 1]
    assert {d["status"] for d in deletions} == {"deleted"}
    log = store.audit_log(db)
    assert (log["action"] == "deletion_marked").sum() == 2
    assert "verwijderd in e-boekhouden" in text  # the evidence is kept


def test_old_export_reimported_is_flagged_not_resurrected_silently(db: Path) -> None:
    delete(db, "payment")
    delete(db, "contact")
    # Last year's export, never imported before (other bytes), still holds the company.
    result = store.load_export(db, old_export(), "relaties-2024.csv", "sha-2024", "t", NOW)
    assert result.reappeared == 2
    findings = [f for f in report(db)["findings"] if f["code"] == "reappeared_after_deletion"]
    assert len(findings) == 2 and {f["severity"] for f in findings} == {"high"}
    assert "relaties-2024.csv" in findings[0]["message"]
    assert "2026-11-20" in findings[0]["message"]
    # The data is back on the old subject, whose written termination is on record: a
    # former client again, its retention running (not an active client without a clock).
    assert {f["subject_id"] for f in findings} == {1}
    subject = next(s for s in report(db)["subjects"] if s["id"] == 1)
    assert subject["status"] == "former_client" and subject["name"] == NAME
    assert subject["end_of_cooperation"] == "2025-01-06"
    again = [d for d in report(db)["deletions"] if d["subject_id"] == 1]
    assert {d["status"] for d in again} == {"scheduled"}  # present again, due in 2032
    assert len(report(db)["subjects"]) == 2  # no stray duplicate subject


def test_finding_closes_when_the_reappeared_data_is_deleted_again(db: Path) -> None:
    delete(db, "payment")
    store.load_export(db, old_export(), "relaties-2024.csv", "sha-2024", "t", NOW)
    codes = [f["code"] for f in report(db)["findings"]]
    assert codes.count("reappeared_after_deletion") == 1
    delete(db, "payment")
    assert "reappeared_after_deletion" not in [f["code"] for f in report(db)["findings"]]


def test_the_same_file_again_changes_nothing_after_deletion(db: Path) -> None:
    delete(db, "payment")
    result = store.load_export(db, old_export(), "relaties-2025.csv", "sha-old", "t", NOW)
    assert result.already_imported
    assert "reappeared_after_deletion" not in [f["code"] for f in report(db)["findings"]]


def test_a_fresh_export_without_the_data_raises_nothing(db: Path) -> None:
    delete(db, "payment")
    fresh = export("eboekhouden", [relation("1003", NAME, kvk="90000003", emails=(EMAIL,))])
    result = store.load_export(db, fresh, "relaties-2026.csv", "sha-new", "t", NOW)
    assert result.reappeared == 0
    assert "reappeared_after_deletion" not in [f["code"] for f in report(db)["findings"]]


def test_sign_offs_forget_a_subject_whose_data_is_all_deleted(db: Path) -> None:
    # The overdue termination request is a finding whose text names the company; a
    # sign-off keeps it. Once every record is deleted, no sign-off may name it any more:
    # neither one kept as rows (now) nor one kept as JSON (before migration 7).
    from compliance.review import review_state
    from compliance.store import review as review_store

    state = review_state(build_snapshot(db, load_policy(), AS_OF), CAL)
    named = [k for k in state["findings"] if NAME in k]
    assert named and any(NAME in state["finding_texts"][k]["nl"] for k in named)
    review_store.add_sign_off(db, actor="eigenaar", now=datetime(2026, 11, 20, 9),
                              as_of=AS_OF, note="", state=state)  # fmt: skip
    old_format_sign_off(db, 99, datetime(2026, 11, 13, 9), state)
    assert NAME in all_text(db)
    delete(db, "payment")
    delete(db, "contact")
    assert NAME not in all_text(db)
    # What was open at the sign-off still counts: the finding is there, by number.
    kept = review_store.last_state(db)
    assert len(kept["findings"]) == len(state["findings"])
    forgotten = [k for k in kept["findings"] if k.startswith("request_overdue:1:")]
    assert forgotten and "#1" in kept["finding_texts"][forgotten[0]]["nl"]


def test_a_forgotten_subject_leaves_nothing_in_what_access_entries_are_linked_by(
    db: Path, tmp_path: Path
) -> None:
    # A vault item that names nobody: linking it normalises every subject's name.
    vault = tmp_path / "bitwarden.csv"
    vault.write_text(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\nIntern,0,login,Router kantoor,,,0,https://router.example/,"
        "beheer,,\n",
        encoding="utf-8",
    )
    assert importing.import_file(db, vault, actor="t", now=NOW).access_unlinked == 1
    assert "verdwenen testbedrijf" in all_text(db)  # its key, while it is remembered
    delete(db, "payment")
    delete(db, "contact")
    text = all_text(db)
    for secret in (NAME, EMAIL, "90000003", "verdwenen testbedrijf"):
        assert secret not in text, secret


def _file_bytes(db: Path) -> bytes:
    wal = db.with_name(db.name + ".wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_forgotten_subject_is_gone_from_the_bytes_of_the_file(db: Path) -> None:
    # Not only unreferenced: DuckDB leaves freed blocks as they were, so the file is
    # rewritten once a deletion is marked. A byte search finds nothing of the company.
    assert NAME.encode() in _file_bytes(db)
    delete(db, "payment")
    delete(db, "contact")
    data = _file_bytes(db)
    for secret in (NAME, EMAIL, "Verdwenen Testbedrijf", "verdwenen testbedrijf", "90000003"):
        assert secret.encode() not in data, secret
    assert b"Blijvend Test BV" in data  # the others are still there
    assert report(db)["subjects"][1]["name"] == "Blijvend Test BV"


def test_a_write_waits_for_the_rewrite_of_the_file_in_the_same_process(
    db: Path, monkeypatch
) -> None:
    # The dashboard's sessions share one process and so one DuckDB database: another
    # session's write landing between the copy and the swap would go to the old file.
    import threading

    from compliance.store import connection

    real_replace = connection.os.replace
    writer: list[threading.Thread] = []

    def replace_while_another_session_writes(src, dst):
        t = threading.Thread(target=store.log_event, args=(db, "t", "test_write", {}, NOW))
        t.start()
        t.join(timeout=0.5)  # it waits for the rewrite; without the lock it is done now
        writer.append(t)
        real_replace(src, dst)

    monkeypatch.setattr(connection.os, "replace", replace_while_another_session_writes)
    assert connection.compact(db)
    writer[0].join()
    assert "test_write" in store.audit_log(db)["action"].tolist()


def test_a_compaction_that_cannot_run_now_undoes_nothing(db: Path, monkeypatch) -> None:
    from compliance.store import connection

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(connection.os, "replace", full_disk)
    assert delete(db, "payment") == 1  # saved, though the file could not be rewritten
    assert (store.audit_log(db)["action"] == "deletion_marked").sum() == 1
    assert not list(db.parent.glob("*.compacting"))
