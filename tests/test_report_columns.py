"""The report's column-wise shortcuts give what the per-row code they replaced gave: the
due dates of the stored records against those of the record groups, the request table
against `respond_by` / `request_status` per request, `report._rows` against `_none` over
`to_dict("records")`, and the frame types (text stays "str", a column of nothing but gaps
stays objects), on random inputs (hypothesis)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import store
from compliance.bulk_dates import add_calendar_months_array, as_dates
from compliance.bulk_requests import REQUEST_COLUMNS, request_table
from compliance.bulk_retention import deletions, lifecycles, stored_deletions
from compliance.bulk_text import positions
from compliance.policy import load_policy
from compliance.report import _none, _rows
from compliance.requests import request_status, request_type, respond_by
from compliance.workdays import WorkCalendar, add_calendar_months
from tests import test_bulk_retention as bulk
from tests.factories import IBAN_A, NOW, export, relation

POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)
AS_OF = date(2026, 11, 25)
day = st.dates(date(2025, 1, 1), date(2027, 3, 31))
text = st.one_of(st.none(), st.sampled_from(["Jan", "Piet", "Kapsalon B.V."]))
# 'unclear' (te beoordelen) with candidate types: its deadline is their shortest.
request = st.fixed_dictionaries({
    "type": st.sampled_from([*POLICY.request_types, "unclear"]), "subject_id": st.one_of(
        st.none(), st.integers(1, 6)), "name": text, "email": text, "kvk": text,
    "channel": st.sampled_from(["post", "email"]), "received_on": day,
    "answered_on": st.one_of(st.none(), day), "extended": st.booleans(),
    "source": st.sampled_from(["manual", "mailbox"]),
    "candidates": st.one_of(st.none(), st.lists(st.sampled_from(list(POLICY.request_types)),
                                                max_size=3, unique=True)),
})  # fmt: skip


def _reference(rows: list[dict[str, Any]], names: dict[int, str]) -> list[dict[str, Any]]:
    """The per-request loop the column-wise table replaced."""
    out = []
    for i, r in enumerate(rows, start=1):
        if r["received_on"] > AS_OF:
            continue
        rtype = request_type(POLICY, r["type"], r["candidates"])
        due = respond_by(rtype, r["received_on"], CAL, r["extended"])
        cands = list(r["candidates"] or ()) if r["type"] == "unclear" else []
        answered = r["answered_on"] if r["answered_on"] and r["answered_on"] <= AS_OF else None
        sid = r["subject_id"]
        out.append({**r, "id": i, "subject_name": None if sid is None else names.get(sid),
                    "respond_by": due, "answered_on": answered, "candidates": cands,
                    "status": request_status(due, r["answered_on"], AS_OF)})  # fmt: skip
    return out


@settings(max_examples=80, deadline=None)
@given(st.lists(request, max_size=25), st.booleans())
def test_request_table_equals_the_per_row_rules(rows: list[dict[str, Any]], named: bool) -> None:
    frame = pd.DataFrame(
        [{"id": i, **r} for i, r in enumerate(rows, start=1)],
        columns=["id", "type", "subject_id", "name", "email", "kvk", "channel", "received_on",
                 "answered_on", "extended", "source", "candidates"],
    )  # fmt: skip
    for column in ("received_on", "answered_on"):
        frame[column] = pd.to_datetime(frame[column])
    names = pd.Series({i: f"Naam {i}" for i in (1, 2, 3)} if named else {}, dtype="str")
    got = request_table(frame, names, POLICY, CAL, AS_OF)
    assert list(got.columns) == REQUEST_COLUMNS
    assert _rows(got) == _reference(rows, dict(names.items()))
    for column in ("type", "name", "email", "kvk", "subject_name", "status"):
        values = got[column]
        if values.notna().any():  # text with a value is Arrow text, gaps and all
            assert values.dtype == "str", column
        elif len(values) and column != "status":  # nothing but gaps: None objects
            assert values.dtype == object and all(v is None for v in values), column


def _old_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _none(v) for k, v in row.items()} for row in df.to_dict("records")]


cell = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=False),
                 st.dates(), st.text(max_size=3), st.booleans())  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 6), st.data())
def test_rows_equals_none_over_to_dict(n: int, data: st.DataObject) -> None:
    frame = pd.DataFrame({
        "int": np.arange(n, dtype=np.int32), "bool": np.arange(n) % 2 == 0,
        "float": data.draw(st.lists(st.one_of(st.none(), st.floats(-1, 1)), min_size=n,
                                    max_size=n), "float"),
        "text": pd.array(data.draw(st.lists(text, min_size=n, max_size=n), "text"),
                         dtype="str"),
        "dates": pd.Series(data.draw(st.lists(st.one_of(st.none(), day), min_size=n,
                                              max_size=n), "dates"), dtype=object),
        "stamps": pd.to_datetime(data.draw(st.lists(st.one_of(st.none(), day), min_size=n,
                                                    max_size=n), "stamps")),
        "lists": pd.Series([np.array(["a", "b"][: i % 3], dtype=object) for i in range(n)],
                           dtype=object),
        "mixed": pd.Series(data.draw(st.lists(cell, min_size=n, max_size=n), "mixed"),
                           dtype=object),
        "numpy": pd.Series([np.int64(i) for i in range(n)], dtype=object),
    })  # fmt: skip
    got, want = _rows(frame), _old_rows(frame)
    assert got == want
    assert [[type(v) for v in r.values()] for r in got] == [
        [type(v) for v in r.values()] for r in want
    ]


@pytest.mark.parametrize("terminated_on", [date(2019, 11, 20), date(2026, 11, 18), None])
def test_stored_deletions_equal_those_of_the_record_groups(tmp_path: Path, terminated_on) -> None:
    """The report lets DuckDB group the stored records itself; over the same records, the
    groups fetched first (store.record_groups, as the tests feed `deletions`) give the same
    rows: working days for a mandate, years for the rest, months for a prospect."""
    db = tmp_path / "compliance.duckdb"
    rels = [relation(str(1000 + i), f"Relatie {i} B.V.", kvk=f"9000010{i}", iban=IBAN_A if i % 2
                     else None, emails=(f"info{i}@example.nl",)) for i in range(6)]  # fmt: skip
    store.load_export(db, export("eboekhouden", rels, direct_debit=("1001", "1003")), "r.csv",
                      "sha", "test", NOW)  # fmt: skip
    store.load_export(db, export("snelstart", rels[:3]), "s.csv", "sha2", "test", NOW)
    ids = store.subjects(db)["id"].tolist()
    # One subject's payment data deleted: no longer present, and a deletion date.
    store.mark_deleted(db, subject_id=ids[1], category="payment", source="eboekhouden",
                       deleted_on=date(2026, 11, 20), evidence="test", actor="test",
                       now=NOW)  # fmt: skip
    # Former clients (terminated), a client, and prospects (no invoice, a last contact).
    activity = pd.DataFrame({
        "subject_id": ids, "first_invoice": pd.NaT, "last_invoice": pd.NaT,
        "invoices": [1 if i == ids[2] else 0 for i in ids],
        "terminated_on": [pd.Timestamp(terminated_on) if i in ids[:2] else pd.NaT for i in ids],
        "last_contact": pd.Timestamp(2026, 7, 31), "inactive": False,
    })  # fmt: skip
    for column in ("first_invoice", "last_invoice", "terminated_on", "last_contact"):
        activity[column] = pd.to_datetime(activity[column])
    life = lifecycles(activity, POLICY, AS_OF, True)
    names = pd.Series({i: f"Naam {i}" for i in ids})
    got = stored_deletions(db, life, names, POLICY, CAL, AS_OF)
    want = deletions(store.record_groups(db), life, names, POLICY, CAL, AS_OF)
    pd.testing.assert_frame_equal(got, want)
    units = set(got["offset_unit"])
    assert units == ({"months", "years", "working_days"} if terminated_on else {"months"})
    assert set(got["status"]) >= ({"overdue", "deleted"} if terminated_on else {"overdue"})
    assert got["deleted_on"].notna().sum() == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(bulk.subject, min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(1, 8), bulk.group), max_size=25),
    st.randoms(use_true_random=False),
)
def test_deletions_of_groups_out_of_order(subjects, groups, rnd) -> None:
    """The store hands the groups sorted; in any other order each key still gets the
    earliest due (the first in the given order on a tie) and the summed counts."""
    groups = [(sid, g) for sid, g in groups if sid <= len(subjects)]
    activity, table = bulk._frames(subjects, groups)
    order = list(range(len(table)))
    rnd.shuffle(order)
    table = table.iloc[order].reset_index(drop=True)
    _, expected = bulk._reference(activity, table, True)
    life = lifecycles(activity, POLICY, AS_OF, True)
    names = pd.Series({i + 1: f"Naam {i + 1}" for i in range(len(subjects))})
    got = deletions(table, life, names, POLICY, CAL, AS_OF)
    keys = list(zip(got["subject_id"], got["category"], got["source"], strict=True))
    assert sorted(keys) == sorted(expected)
    for key, row in zip(keys, got.to_dict("records"), strict=True):
        assert {k: row[k] for k in expected[key]} == expected[key], key


def test_subjects_addresses_and_sources_as_the_list_query_gave(tmp_path: Path) -> None:
    """store.subjects cuts the sorted addresses into lists itself and shares one array per
    combination of sources: the same lists as list_sort(list(...)) per subject, also with
    an address whose subject is gone and a subject without any."""
    db = tmp_path / "compliance.duckdb"
    rels = [relation(str(1000 + i), f"Relatie {i} B.V.", kvk=f"9000020{i}",
                     emails=tuple(f"{c}{i}@example.nl" for c in "zam"[: i % 3]))
            for i in range(6)]  # fmt: skip
    store.load_export(db, export("eboekhouden", rels), "r.csv", "sha", "test", NOW)
    store.load_export(db, export("snelstart", rels[:2]), "s.csv", "sha2", "test", NOW)
    with store.writing(db) as conn:
        conn.execute("INSERT INTO subject_identifiers VALUES ('email', 'a@weg.nl', 999, 'x')")
    with store.reading(db) as conn:
        want = conn.execute(
            """SELECT s.id, coalesce(e.emails, []::VARCHAR[]),
                      coalesce(src.sources, []::VARCHAR[])
               FROM subjects s
               LEFT JOIN (SELECT subject_id, list_sort(list(DISTINCT value)) AS emails
                          FROM subject_identifiers WHERE kind = 'email' GROUP BY ALL) e
                 ON e.subject_id = s.id
               LEFT JOIN (SELECT subject_id, list_sort(list(DISTINCT source)) AS sources
                          FROM source_subjects GROUP BY ALL) src ON src.subject_id = s.id
               ORDER BY s.id"""
        ).fetchall()
    got = store.subjects(db)
    assert [(int(i), e.tolist(), s.tolist()) for i, e, s in
            zip(got["id"], got["emails"], got["sources"], strict=True)] == want  # fmt: skip
    assert all(isinstance(e, np.ndarray) and e.dtype == object for e in got["emails"])
    assert any(len(e) == 0 for e in got["emails"]) and any(len(e) > 1 for e in got["emails"])


@settings(max_examples=100, deadline=None)
@given(
    st.sets(st.one_of(st.integers(0, 40), st.integers(-(10**12), 10**12)), max_size=30),
    st.lists(st.one_of(st.integers(-5, 45), st.integers(-(10**12), 10**12)), max_size=30),
    st.randoms(use_true_random=False),
)
def test_positions_finds_each_key(keys: set[int], wanted: list[int], rnd) -> None:
    """bulk_text.positions, dense (a table by id) or sparse, sorted or not, as a dict."""
    keys_ = sorted(keys)
    if rnd.random() < 0.5:
        rnd.shuffle(keys_)
    where = {k: i for i, k in enumerate(keys_)}
    got = positions(np.array(keys_, dtype=np.int64), np.array(wanted, dtype=np.int64))
    assert got.tolist() == [where.get(w, -1) for w in wanted]


@settings(max_examples=20, deadline=None)
@given(st.dates(date(1995, 1, 1), date(2035, 1, 1)), st.integers(0, 120), st.integers(0, 2**32))
def test_calendar_months_of_many_rows_by_table(start: date, months: int, seed: int) -> None:
    """add_calendar_months_array looks a long column up in a table of its days (a path
    tests/test_bulk_dates.py's short lists never take): same as the rule per day."""
    rng = np.random.default_rng(seed)
    days = np.datetime64(start, "D") + rng.integers(0, 900, 6000).astype("timedelta64[D]")
    days[rng.random(6000) < 0.1] = np.datetime64("NaT")
    got = as_dates(add_calendar_months_array(days, months)).tolist()
    assert got == [None if d is None else add_calendar_months(d, months)
                   for d in as_dates(days).tolist()]  # fmt: skip
