"""The weekly review: what changed since the last sign-off, and signing off on the page."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from compliance import store
from compliance.finding_list import FindingList
from compliance.policy import load_policy
from compliance.report import build_snapshot
from compliance.review import changes_since, review_state
from compliance.store import review as review_store
from compliance.workdays import WorkCalendar
from tests.factories import NOW, export, old_format_sign_off, relation

ROOT = Path(__file__).resolve().parent.parent
POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)


@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "review.duckdb"
    rels = [
        relation("1", "Actief Test BV", kvk="90000001"),
        relation("2", "Piet Prospect", is_company=False, added_on=date(2026, 8, 1)),
    ]
    parsed = export("eboekhouden", rels, invoices=[("F1", "1", date(2026, 10, 1))])
    store.load_export(path, parsed, "r.csv", "sha-1", "test", NOW)
    monkeypatch.setenv("COMPLIANCE_DB", str(path))
    return path


def state(db: Path, as_of: date) -> dict:
    return review_state(build_snapshot(db, POLICY, as_of), CAL)


def test_review_state_keeps_counts_and_keys(db: Path) -> None:
    # Prospect last seen 2026-08-01 → due 2026-11-01: overdue on 2026-11-25.
    s = state(db, date(2026, 11, 25))
    assert s["counts"]["overdue_deletions"] == 1
    assert s["overdue"] == ["2:contact:eboekhouden"]
    assert s["counts"]["prospects"] == 1 and s["counts"]["clients"] == 1


def test_changes_since_names_newly_overdue_and_findings(db: Path) -> None:
    before = state(db, date(2026, 10, 15))  # not yet overdue then
    store.add_request(
        db,
        type="access",
        received_on=date(2026, 10, 20),
        channel="post",
        actor="t",
        now=NOW,
        kvk="90000001",
    )
    now = state(db, date(2026, 11, 25))  # request overdue since 2026-11-20
    changes = changes_since(before, now)
    assert changes.newly_overdue == ["2:contact:eboekhouden"]
    assert [k.split(":")[:2] for k in changes.findings_opened] == [["request_overdue", "1"]]
    assert changes.findings_closed == []
    assert changes.counts_before["overdue_deletions"] == 0
    assert changes.counts_now["overdue_deletions"] == 1
    assert not changes.nothing


def test_closed_finding_is_reported(db: Path) -> None:
    store.add_request(
        db,
        type="access",
        received_on=date(2026, 10, 20),
        channel="post",
        actor="t",
        now=NOW,
        kvk="90000001",
    )
    before = state(db, date(2026, 11, 25))
    request_id = int(store.requests(db)["id"].iloc[0])
    store.mark_request_answered(db, request_id, date(2026, 11, 24), "t", NOW)
    changes = changes_since(before, state(db, date(2026, 11, 25)))
    assert [k.split(":")[:2] for k in changes.findings_closed] == [["request_overdue", "1"]]
    assert [k.split(":")[:2] for k in changes.findings_opened] == [["request_answered_late", "1"]]


def test_two_findings_of_one_code_for_one_subject_both_count() -> None:
    import pandas as pd

    from compliance.findings import Finding
    from compliance.report import Snapshot

    DELETION_COLUMNS = ("status", "subject_id", "category", "source", "days_overdue", "due")

    def snap(*findings: Finding) -> Snapshot:
        empty = pd.DataFrame(columns=["status"])
        return Snapshot(
            date(2026, 11, 25),
            pd.DataFrame(columns=["status", "dormant"]),
            empty,
            pd.DataFrame(columns=list(DELETION_COLUMNS)),
            pd.DataFrame(columns=["status", "respond_by"]),
            findings,
        )

    a = Finding("dormant_client", "medium", 7, {"name": "A", "last_invoice": "2023-01-01"})
    b = Finding("dormant_client", "medium", 7, {"name": "A", "last_invoice": "2024-01-01"})
    state = review_state(snap(a, b), CAL)
    assert len(state["findings"]) == 2
    assert state["finding_texts"][state["findings"][0]]["nl"].startswith("A heeft sinds")
    changes = changes_since(state, review_state(snap(a), CAL))
    assert len(changes.findings_closed) == 1 and "2024-01-01" in changes.findings_closed[0]


def test_sign_off_is_kept_and_audited(db: Path) -> None:
    s = state(db, date(2026, 11, 25))
    first = review_store.add_sign_off(
        db,
        actor="eigenaar",
        now=datetime(2026, 11, 25, 10),
        as_of=date(2026, 11, 25),
        note=" week 48 ",
        state=s,
    )
    assert first == 1
    done = review_store.sign_offs(db)
    assert done.loc[0, "note"] == "week 48"
    assert done.loc[0, "counts"] == s["counts"]
    assert review_store.last_state(db) == s
    log = store.audit_log(db)
    assert log["action"].iloc[0] == "sign_off"
    subjects, requests = review_store.added_since(db, datetime(2026, 11, 25, 10))
    assert subjects.empty and requests.empty
    subjects, _ = review_store.added_since(db, datetime(2026, 11, 1))
    assert subjects["name"].tolist() == ["Actief Test BV", "Piet Prospect"]


def test_overzicht_sign_off_flow(db: Path) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "overzicht.py"), default_timeout=30)
    at.session_state["as_of"] = date(2026, 11, 25)
    at.run()
    assert not at.exception
    assert "Weekoverzicht en aftekenen" in [h.value for h in at.subheader]
    assert any("Nog nooit afgetekend" in c.value for c in at.caption)
    at.text_area[0].input("Alles bekeken")
    next(b for b in at.button if b.label == "Aftekenen").click().run()
    assert not at.exception
    done = review_store.sign_offs(db)
    assert len(done) == 1 and done.loc[0, "note"] == "Alles bekeken"
    assert done.loc[0, "counts"]["overdue_deletions"] == 1
    assert any("Laatst afgetekend op" in c.value for c in at.caption)
    # Nothing changed since: every change counter shows 0.
    counters = {m.label: m.value for m in at.metric}
    assert counters["Nieuw te laat"] == "0" and counters["Nieuwe bevindingen"] == "0"


def test_review_state_of_the_lazy_findings_equals_that_of_plain_findings(db: Path) -> None:
    # The report's FindingList makes the texts in bulk; a plain list goes one by one.
    store.add_request(db, type="access", received_on=date(2026, 10, 20), channel="post",
                      actor="t", now=NOW, kvk="90000001")  # fmt: skip
    sleeper = relation("3", "Slapend Test BV", kvk="90000003")  # a dormant client
    parsed = export("eboekhouden", [sleeper], invoices=[("F0", "3", date(2020, 1, 6))])
    store.load_export(db, parsed, "r2.csv", "sha-2", "test", NOW)
    snap = build_snapshot(db, POLICY, date(2026, 11, 25))
    assert isinstance(snap.findings, FindingList)
    plain = replace(snap, findings=list(snap.findings))
    bulk = review_state(snap, CAL)
    codes = {key.split(":")[0] for key in bulk["findings"]}
    assert {"request_overdue", "dormant_client"} <= codes
    assert "2:contact:eboekhouden" in bulk["overdue"]
    assert bulk == review_state(plain, CAL)


@pytest.mark.parametrize("old_format", [False, True])
@pytest.mark.parametrize(
    ("lang", "text"),
    [("nl", "had uiterlijk 2026-11-20 beantwoord moeten zijn"),
     ("en", "should have been answered by 2026-11-20")],
)  # fmt: skip
def test_a_finding_closed_since_the_sign_off_is_shown_in_the_chosen_language(
    db: Path, lang: str, text: str, old_format: bool
) -> None:
    store.add_request(db, type="access", received_on=date(2026, 10, 20), channel="post",
                      actor="t", now=NOW, kvk="90000001")  # fmt: skip
    signed = state(db, date(2026, 11, 25))
    if old_format:  # kept before migration 7: all in the state's JSON, texts in both
        old_format_sign_off(db, 1, datetime(2026, 11, 25, 10), signed)
    else:
        review_store.add_sign_off(db, actor="t", now=datetime(2026, 11, 25, 10),
                                  as_of=date(2026, 11, 25), note="", state=signed)  # fmt: skip
    request_id = int(store.requests(db)["id"].iloc[0])
    store.mark_request_answered(db, request_id, date(2026, 11, 24), "t", NOW)
    at = AppTest.from_file(str(ROOT / "pages" / "overzicht.py"), default_timeout=30)
    at.session_state["as_of"] = date(2026, 11, 25)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert text in shown and "Actief Test BV" in shown


def test_a_sign_off_kept_before_migration_7_still_reads(tmp_path: Path, monkeypatch) -> None:
    # Before migration 7 a sign-off kept everything in its state's JSON, texts in both
    # languages; the migration adds the counts column and the old state still compares.

    from compliance import schema
    from compliance.store import connection

    db = tmp_path / "old.duckdb"
    monkeypatch.setattr(connection, "MIGRATIONS", schema.MIGRATIONS[:6])
    store.ensure_database(db)
    old = {
        "as_of": "2026-11-18",
        "counts": {"overdue_deletions": 1, "open_requests": 0, "findings": 1},
        "findings": ["dormant_client:7:A has not been invoiced since 2023-01-01."],
        "finding_texts": {
            "dormant_client:7:A has not been invoiced since 2023-01-01.": {
                "nl": "A is sinds 2023-01-01 niet gefactureerd.",
                "en": "A has not been invoiced since 2023-01-01.",
            }
        },
        "overdue": ["7:contact:eboekhouden"],
    }
    con = duckdb.connect(str(db))
    con.execute(
        "INSERT INTO sign_offs VALUES (1, TIMESTAMP '2026-11-18 10:00', 'eigenaar', "
        "DATE '2026-11-18', 'week 47', ?)",
        [json.dumps(old)],
    )
    con.close()
    monkeypatch.setattr(connection, "MIGRATIONS", schema.MIGRATIONS)
    connection._CURRENT.clear()
    done = review_store.sign_offs(db)
    assert done.loc[0, "counts"] == old["counts"] and done.loc[0, "note"] == "week 47"
    assert review_store.last_state(db) == old
    # A new sign-off keeps its items as rows; the latest is the one read.
    new = {**old, "as_of": "2026-11-25", "overdue": [], "findings": [], "finding_texts": {}}
    review_store.add_sign_off(db, actor="eigenaar", now=datetime(2026, 11, 25, 10),
                              as_of=date(2026, 11, 25), note="", state=new)  # fmt: skip
    assert review_store.last_state(db) == new
    assert len(review_store.sign_offs(db)) == 2
