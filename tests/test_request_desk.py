"""compliance.request_desk and compliance.store.request_outcomes: urgency and days left,
the extension rules, and answered / extended / rejected in the store and its audit log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from compliance import store
from compliance.policy import load_policy
from compliance.report import build_snapshot
from compliance.request_desk import can_extend, desk_rows, extension_problem, urgency
from compliance.workdays import WorkCalendar
from tests.factories import NOW

POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)


@pytest.mark.parametrize(
    ("status", "due", "outcome", "as_of", "expected"),
    [
        ("overdue", date(2026, 11, 20), None, date(2026, 11, 25), "overdue"),
        # Wednesday 25 November: two working days on is Friday 27th.
        ("open", date(2026, 11, 27), None, date(2026, 11, 25), "due_soon"),
        ("open", date(2026, 11, 30), None, date(2026, 11, 25), "open"),
        # Thursday 30 April 2026: Friday 1 May, then Monday 4 May (5 May is a holiday).
        ("open", date(2026, 5, 4), None, date(2026, 4, 30), "due_soon"),
        ("open", date(2026, 5, 6), None, date(2026, 4, 30), "open"),
        ("open", None, None, date(2026, 11, 25), "logged"),  # a complaint
        ("answered", date(2026, 11, 27), "rejected", date(2026, 11, 25), "rejected"),
        ("answered", date(2026, 11, 27), None, date(2026, 11, 25), "answered"),
    ],
)
def test_urgency(status, due, outcome, as_of, expected) -> None:
    assert urgency(status, due, outcome, as_of, CAL) == expected


@pytest.mark.parametrize(
    ("rtype", "received", "told", "problem"),
    [
        ("access", date(2026, 1, 31), date(2026, 3, 2), None),  # the last day of month one
        ("access", date(2026, 1, 31), date(2026, 3, 3), "told_too_late"),
        ("access", date(2026, 1, 31), date(2026, 1, 30), "before_received"),
        ("erasure", date(2026, 11, 2), date(2026, 11, 20), None),
        ("termination", date(2026, 11, 2), date(2026, 11, 3), "not_extendable"),
        ("complaint", date(2026, 11, 2), date(2026, 11, 3), "not_extendable"),
    ],
)
def test_extension_rules(rtype, received, told, problem) -> None:
    assert extension_problem(POLICY.request_types[rtype], received, told, CAL) == problem
    assert can_extend(POLICY.request_types[rtype]) is (problem != "not_extendable")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "desk.duckdb"
    common = {"channel": "post", "actor": "test", "now": NOW}
    store.add_request(db, type="access", received_on=date(2026, 10, 20), email="a@example.nl",
                      **common)  # fmt: skip
    store.add_request(db, type="termination", received_on=date(2026, 11, 20),
                      email="b@example.nl", **common)  # fmt: skip
    store.add_request(db, type="complaint", received_on=date(2026, 11, 2), name="Klager Nep",
                      **common)  # fmt: skip
    store.add_request(db, type="erasure", received_on=date(2026, 11, 10), email="c@example.nl",
                      **common)  # fmt: skip
    return db


def desk(db: Path, as_of: date) -> pd.DataFrame:
    snap = build_snapshot(db, POLICY, as_of)
    return desk_rows(snap.requests, store.request_outcomes(db), POLICY, CAL, as_of)


def test_the_desk_is_sorted_by_urgency_with_days_left(db: Path) -> None:
    rows = desk(db, date(2026, 11, 25))
    # access (due 20 Nov, late), termination (due Fri 27 Nov), erasure (10 Dec), complaint.
    assert list(rows["type"]) == ["access", "termination", "erasure", "complaint"]
    assert list(rows["urgency"]) == ["overdue", "due_soon", "open", "logged"]
    assert list(rows["days_left"][:3]) == [-5, 2, 15]
    assert rows.iloc[0]["rule_unit"] == "months" and rows.iloc[1]["rule_n"] == 5


def test_extension_moves_the_deadline_and_is_logged(db: Path) -> None:
    erasure = int(store.requests(db).query("type == 'erasure'")["id"].iloc[0])
    store.record_extension(db, erasure, date(2026, 11, 24), "veel systemen", "owner", NOW)
    row = desk(db, date(2026, 12, 11)).set_index("id").loc[erasure]
    # 10 November + 3 months = 10 February 2027 (a Wednesday).
    assert row["respond_by"] == date(2027, 2, 10) and row["urgency"] == "open"
    assert row["extended_on"] == date(2026, 11, 24) and row["extension_months"] == 2
    entry = store.audit_log(db).iloc[0]
    assert entry["action"] == "request_extended" and "veel systemen" in entry["detail"]


def test_rejection_counts_as_the_answer_with_its_reason(db: Path) -> None:
    access = int(store.requests(db).query("type == 'access'")["id"].iloc[0])
    with pytest.raises(store.StoreError, match="why the request is rejected"):
        store.record_outcome(db, access, "rejected", date(2026, 11, 12), " ", "owner", NOW)
    store.record_outcome(db, access, "rejected", date(2026, 11, 12),
                         "identiteit niet vast te stellen", "owner", NOW)  # fmt: skip
    row = desk(db, date(2026, 11, 25)).set_index("id").loc[access]
    assert (row["status"], row["urgency"], row["answered_on"]) == ("answered", "rejected",
                                                                    date(2026, 11, 12))  # fmt: skip
    assert row["note"] == "identiteit niet vast te stellen"
    assert store.audit_log(db).iloc[0]["action"] == "request_rejected"


def test_answered_with_a_note(db: Path) -> None:
    term = int(store.requests(db).query("type == 'termination'")["id"].iloc[0])
    store.record_outcome(db, term, "answered", date(2026, 11, 23), "bevestigd per brief",
                         "owner", NOW)  # fmt: skip
    row = desk(db, date(2026, 11, 25)).set_index("id").loc[term]
    assert (row["urgency"], row["note"]) == ("answered", "bevestigd per brief")


def test_outcome_refusals(db: Path) -> None:
    with pytest.raises(store.StoreError, match="no request number 99"):
        store.record_outcome(db, 99, "answered", date(2026, 11, 23), "", "owner", NOW)
    with pytest.raises(store.StoreError, match="not an outcome"):
        store.record_outcome(db, 1, "ignored", date(2026, 11, 23), "", "owner", NOW)
    with pytest.raises(store.StoreError, match="before the day"):
        store.record_outcome(db, 1, "answered", date(2026, 1, 1), "", "owner", NOW)
    store.record_outcome(db, 1, "answered", date(2026, 11, 1), "", "owner", NOW)
    with pytest.raises(store.StoreError, match="already been answered"):
        store.record_extension(db, 1, date(2026, 11, 2), "", "owner", NOW)
