"""Column-wise lifecycles, due dates and findings (compliance.bulk_retention,
compliance.finding_list) give exactly what the per-row reference functions give, on random
subjects and record groups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import store
from compliance.bulk_retention import deletions, lifecycles, subject_table
from compliance.finding_list import FindingList, subject_blocks
from compliance.findings import Finding, sort_findings, subject_findings
from compliance.lifecycle import SubjectFacts, subject_lifecycle
from compliance.policy import Offset, RetentionRule, load_policy
from compliance.retention import deletion_due, deletion_status
from compliance.workdays import WorkCalendar

POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)
AS_OF = date(2026, 11, 25)
day = st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2027, 6, 30)))
subject = st.fixed_dictionaries({
    "invoices": st.integers(0, 3), "last_invoice": day, "terminated_on": day,
    "last_contact": day, "inactive": st.booleans(),
})  # fmt: skip
group = st.fixed_dictionaries({
    "category": st.sampled_from([*POLICY.categories, "unknown"]),
    "source": st.sampled_from(["eboekhouden", "snelstart", "vault"]),
    "basis": st.sampled_from([None, "direct_debit", "other"]),
    "records": st.integers(1, 3), "present": st.integers(0, 3), "deleted_on": day,
    "clock_start": day,
})  # fmt: skip


def _frames(subjects: list[dict[str, Any]], groups: list[tuple[int, dict[str, Any]]]):
    activity = pd.DataFrame(
        [{"subject_id": i + 1, "first_invoice": s["last_invoice"], **s,
          "last_invoice": s["last_invoice"] if s["invoices"] else None}
         for i, s in enumerate(subjects)],
        columns=["subject_id", "first_invoice", "last_invoice", "invoices", "terminated_on",
                 "last_contact", "inactive"],
    )  # fmt: skip
    for column in ("first_invoice", "last_invoice", "terminated_on", "last_contact"):
        activity[column] = pd.to_datetime(activity[column])
    rows = [{"subject_id": sid, **g} for sid, g in groups]
    table = pd.DataFrame(rows, columns=["subject_id", "category", "source", "basis", "records",
                                        "present", "deleted_on", "clock_start"])  # fmt: skip
    table = table.sort_values(["subject_id", "category", "source", "basis"], na_position="last")
    table = table.drop_duplicates(["subject_id", "category", "source", "basis"])
    for column in ("deleted_on", "clock_start"):
        table[column] = pd.to_datetime(table[column])
    return activity, table.reset_index(drop=True)


def _reference(activity: pd.DataFrame, groups: pd.DataFrame, known: bool):
    """The loops build_snapshot ran before the column-wise version (the rules' reference)."""
    lives, out = {}, {}
    for a in activity.astype(object).where(activity.notna(), None).to_dict("records"):
        facts = SubjectFacts(a["subject_id"], a["invoices"], _d(a["first_invoice"]),
                             _d(a["last_invoice"]), _d(a["terminated_on"]),
                             _d(a["last_contact"]), bool(a["inactive"]))  # fmt: skip
        lives[a["subject_id"]] = subject_lifecycle(facts, POLICY, AS_OF, known)
    for g in groups.astype(object).where(groups.notna(), None).to_dict("records"):
        category = POLICY.categories.get(g["category"])
        if category is None:
            continue
        due = deletion_due(category, g["basis"], lives[g["subject_id"]],
                           _d(g["clock_start"]), POLICY, CAL)  # fmt: skip
        if due is None:
            continue
        key = (g["subject_id"], g["category"], g["source"])
        row = out.get(key)
        if row is None or due.due < row["due"]:
            out[key] = {"due": due.due, "anchor": due.anchor, "basis_date": due.basis_date,
                        "offset_unit": due.offset.unit, "deleted_on": _d(g["deleted_on"]),
                        "records": g["records"] + (row["records"] if row else 0),
                        "present": g["present"] + (row["present"] if row else 0)}  # fmt: skip
        else:
            row["records"] += g["records"]
            row["present"] += g["present"]
    for row in out.values():
        row["status"], row["days_overdue"] = deletion_status(
            row["due"], row["present"], AS_OF, POLICY.subject_states.due_soon_days
        )
    return lives, out


def _d(value: Any) -> date | None:
    return None if value is None else pd.Timestamp(value).date()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(subject, min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(1, 12), group), max_size=30),
    st.booleans(),
)
def test_column_wise_equals_per_row(subjects, groups, invoices_known) -> None:
    groups = [(sid, g) for sid, g in groups if sid <= len(subjects)]
    activity, table = _frames(subjects, groups)
    lives, expected = _reference(activity, table, invoices_known)
    life = lifecycles(activity, POLICY, AS_OF, invoices_known)
    for row in life.to_dict("records"):
        ref = lives[row["subject_id"]]
        assert (row["status"], bool(row["dormant"]), bool(row["status_assumed"])) == (
            ref.status, ref.dormant, ref.status_assumed)  # fmt: skip
        assert _d(None if pd.isna(row["end_of_cooperation"]) else row["end_of_cooperation"]) \
            == ref.end_of_cooperation  # fmt: skip
    names = pd.Series({i + 1: f"Naam {i + 1}" for i in range(len(subjects))})
    got = deletions(table, life, names, POLICY, CAL, AS_OF)
    keys = list(zip(got["subject_id"], got["category"], got["source"], strict=True))
    assert keys == sorted(expected)
    for key, row in zip(keys, got.to_dict("records"), strict=True):
        want = expected[key]
        assert {k: row[k] for k in want} == want, key
    # Per-subject findings: the lazy list reads exactly as the sorted per-row list.
    people = pd.DataFrame({"id": list(names.index), "name": list(names.values), "kvk": None,
                           "emails": [[]] * len(names), "sources": [[]] * len(names)})  # fmt: skip
    table_ = subject_table(people, life)
    rows = table_.astype(object).where(table_.notna(), None).to_dict("records")
    other = [Finding("no_invoices", "medium", None), Finding("request_overdue", "high", 1)]
    lazy = FindingList(subject_blocks(table_), other)
    assert list(lazy) == sort_findings(subject_findings(rows) + other)
    # ... and its bulk texts and heads are those of the findings, one by one.
    assert lazy.heads() == [(f.code, f.subject_id) for f in lazy]
    for lang in ("nl", "en"):
        assert lazy.messages(lang) == [f.message(lang) for f in lazy]


def test_two_bases_the_earliest_rule_wins() -> None:
    ended = date(2026, 1, 5)
    activity, table = _frames(
        [{"invoices": 1, "last_invoice": date(2025, 1, 1), "terminated_on": ended,
          "last_contact": None, "inactive": False}],
        [(1, {"category": "payment", "source": "eboekhouden", "basis": basis, "records": 1,
              "present": 1, "deleted_on": None, "clock_start": None})
         for basis in (None, "direct_debit")],
    )  # fmt: skip
    life = lifecycles(activity, POLICY, AS_OF, True)
    got = deletions(table, life, pd.Series({1: "Naam"}), POLICY, CAL, AS_OF).iloc[0]
    assert (got["offset_unit"], got["records"], got["status"]) == ("working_days", 2, "overdue")
    assert got["due"] == ended + timedelta(days=7)  # five working days after a Monday


def test_no_records_at_all_straight_from_the_store(tmp_path) -> None:
    # A database with subjects but no records yet: DuckDB hands over zero-row Arrow
    # columns with no chunks at all, which pandas cannot join (this broke the report once).
    db = tmp_path / "compliance.duckdb"
    store.ensure_database(db)
    groups = store.record_groups(db)
    assert groups.empty
    activity, _ = _frames([{"invoices": 1, "last_invoice": date(2020, 1, 1),
                            "terminated_on": date(2021, 1, 1), "last_contact": None,
                            "inactive": False}], [])  # fmt: skip
    life = lifecycles(activity, POLICY, AS_OF, True)
    got = deletions(groups, life, pd.Series({1: "Klant Nep"}), POLICY, CAL, AS_OF)
    assert got.empty
    assert {"subject_id", "category", "source", "status", "due"} <= set(got.columns)


def _contract_and_ip(clock: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A former client (ended on Monday 2026-01-05) with an IP address, and a contract
    record whose end is `clock`."""
    return _frames(
        [{"invoices": 1, "last_invoice": date(2025, 1, 1), "terminated_on": date(2026, 1, 5),
          "last_contact": None, "inactive": False}],
        [(1, {"category": category, "source": "eboekhouden", "basis": None, "records": 1,
              "present": 1, "deleted_on": None, "clock_start": start})
         for category, start in (("ip_address", None), ("contract", clock))],
    )  # fmt: skip


@pytest.mark.parametrize("clock", [date(9999, 12, 31), date(1, 1, 1), date(2026, 3, 2)])
def test_an_open_ended_contract_does_not_stretch_the_working_day_table(clock: date) -> None:
    # 9999-12-31 is a common "no end" in bookkeeping; only contract ends a working-day rule
    # runs from may size the working-day table (there is none in the policy), so the IP
    # address still gets its five working days and nothing reaches past the calendar.
    activity, table = _contract_and_ip(clock)
    life = lifecycles(activity, POLICY, AS_OF, True)
    got = deletions(table, life, pd.Series({1: "Naam"}), POLICY, CAL, AS_OF)
    ip = got[got["category"] == "ip_address"].iloc[0]
    assert (ip["due"], ip["offset_unit"], ip["days_overdue"]) == (
        date(2026, 1, 12), "working_days", 317)  # fmt: skip
    # Seven years after 9999-12-31 is past the calendar: an open-ended contract, no due
    # date (the per-row rule agrees); any other contract end counts.
    contract = got[got["category"] == "contract"]
    assert len(contract) == (clock.year != 9999)
    assert all(isinstance(d, date) for d in got["due"])
    _, expected = _reference(activity, table, True)
    assert sorted(expected) == list(zip(got["subject_id"], got["category"], got["source"],
                                        strict=True))  # fmt: skip


def test_a_working_day_rule_from_the_contract_end_counts_from_it() -> None:
    rule = RetentionRule(anchor="contract_end", offset=Offset(working_days=5))
    categories = {**POLICY.categories,
                  "contract": replace(POLICY.categories["contract"], retention=rule)}  # fmt: skip
    policy = replace(POLICY, categories=categories)
    activity, table = _contract_and_ip(date(2026, 3, 6))  # a Friday
    life = lifecycles(activity, policy, AS_OF, True)
    got = deletions(table, life, pd.Series({1: "Naam"}), policy, CAL, AS_OF)
    contract = got[got["category"] == "contract"].iloc[0]
    assert (contract["due"], contract["anchor"], contract["basis_date"]) == (
        date(2026, 3, 13), "contract_end", date(2026, 3, 6))  # fmt: skip
