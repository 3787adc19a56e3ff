"""Lifecycle and deletion due dates for every subject at once, as the report needs them.

The same rules as `compliance.lifecycle.subject_lifecycle` and
`compliance.retention.deletion_due` / `deletion_status`, applied to whole columns:
lifecycles with numpy `where` and `compliance.bulk_dates`; due dates by DuckDB
(`compliance.store.due_dates`), to which this module hands the policy's rules, the
lifecycles and a working-day table as small Arrow tables. The per-row functions stay the
reference (the policy page and tests use them); tests/test_bulk_retention.py checks both
give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from compliance import store
from compliance.bulk_dates import (
    NAT,
    add_calendar_months_array,
    add_working_days_array,
    as_dates,
)
from compliance.bulk_text import positions, words
from compliance.lifecycle import STATUSES
from compliance.policy import Offset, Policy, RetentionRule
from compliance.store.due_dates import DueInputs
from compliance.workdays import WorkCalendar


def _days(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_datetime(frame[column]).to_numpy(dtype="datetime64[D]")


def lifecycles(
    activity: pd.DataFrame, policy: Policy, as_of: date, invoices_known: bool
) -> pd.DataFrame:
    """Per subject (store.subject_activity rows): status, end_of_cooperation, dormant,
    status_assumed, with the dates as datetime64[D]."""
    terminated = _days(activity, "terminated_on")
    last_invoice = _days(activity, "last_invoice")
    invoices = activity["invoices"].fillna(0).to_numpy(dtype=np.int64)
    former = ~np.isnat(terminated) & (terminated <= np.datetime64(as_of, "D"))
    client = ~former & (invoices > 0)
    assumed = ~former & ~client & (not invoices_known)
    months = policy.subject_states.dormant_after_months
    dormant_from = add_calendar_months_array(last_invoice, months)
    dormant = client & ~np.isnat(dormant_from) & (dormant_from <= np.datetime64(as_of, "D"))
    # Codes of STATUSES made Arrow text at once: a numpy string array was copied into
    # Arrow one string at a time.
    status = np.where(former, 2, np.where(client | assumed, 1, 0))
    return pd.DataFrame(
        {
            "subject_id": activity["subject_id"].to_numpy(),
            "status": words(STATUSES, status) if len(status) else pd.array([], dtype="str"),
            "end_of_cooperation": np.where(former, terminated, NAT),
            "last_contact": _days(activity, "last_contact"),
            "first_invoice": _days(activity, "first_invoice"),
            "last_invoice": last_invoice,
            "invoices": invoices,
            "dormant": dormant,
            "inactive": activity["inactive"].fillna(False).to_numpy(dtype=bool),
            "status_assumed": assumed,
        }
    )


def _amount(offset: Offset) -> int:
    return offset.years or offset.months or offset.working_days


def deletions(
    groups: pd.DataFrame,
    life: pd.DataFrame,
    names: pd.Series,
    policy: Policy,
    cal: WorkCalendar,
    as_of: date,
) -> pd.DataFrame:
    """One row per subject × category × source with a due date, from given record groups
    (store.record_groups rows): the earliest rule of its bases wins, the earlier row on a
    tie. The groups whose subject has a lifecycle, ordered by subject, category, source.
    The same SQL as `stored_deletions`, over the frame instead of the records."""
    clocked = groups[groups["category"].isin(_clocked_categories(policy))]
    clock = _days(clocked, "clock_start") if len(clocked) else np.array([], "datetime64[D]")
    known = clock[~np.isnat(clock)]
    inputs = due_inputs(life, names, policy, cal,
                        (known.min(), known.max()) if len(known) else (None, None))  # fmt: skip
    return deletion_frame(store.deletion_rows_of(groups, inputs, as_of))


def stored_deletions(
    path: Path | str,
    life: pd.DataFrame,
    names: pd.Series,
    policy: Policy,
    cal: WorkCalendar,
    as_of: date,
) -> pd.DataFrame:
    """`deletions` of every record in the database, grouped by DuckDB itself: the report's
    case, where fetching a million groups into Python cost more than the rules."""
    categories = _clocked_categories(policy)
    clock = store.clock_range(path, categories) if categories else (None, None)
    inputs = due_inputs(life, names, policy, cal, clock)
    return deletion_frame(store.deletion_rows(path, inputs, as_of))


def _clocked_categories(policy: Policy) -> list[str]:
    """Categories with a working-day rule that runs from the contract's end: only their
    contract ends need the working-day table. Any other contract end (an open-ended
    contract written as 9999-12-31) must not stretch it over millennia of holidays."""
    return sorted({
        category
        for category, _, rule in _rules(policy)
        if rule is not None and rule.anchor == "contract_end" and rule.offset.working_days
    })  # fmt: skip


def _rules(policy: Policy) -> Iterator[tuple[str, str | None, RetentionRule | None]]:
    """(category, basis, rule): each category's default rule (basis None, rule None when
    it has none) and its rules per basis."""
    for category in policy.categories.values():
        yield category.id, None, category.retention
        for basis, rule in category.retention_by_basis.items():
            yield category.id, basis, rule


def due_inputs(
    life: pd.DataFrame,
    names: pd.Series,
    policy: Policy,
    cal: WorkCalendar,
    clock: tuple[Any, Any],
) -> DueInputs:
    """The lifecycles, names and policy as the tables the due-date SQL joins; `clock` is
    the range of contract ends a working-day rule may start from (None, None: none)."""
    ended = life["end_of_cooperation"].to_numpy(dtype="datetime64[D]")
    return DueInputs(
        life=pa.table(
            {
                "subject_id": pa.array(life["subject_id"].to_numpy(), pa.int64()),
                # Text handed over as the Arrow arrays it is: no copy per row.
                "status": _arrow_text(life["status"]),
                "end_of_cooperation": pa.array(ended),
                "last_contact": pa.array(life["last_contact"].to_numpy(dtype="datetime64[D]")),
            }
        ),
        names=pa.table(
            {
                "id": pa.array(names.index.to_numpy(), pa.int64()),
                "name": _arrow_text(names),
            }
        ),
        rules=_rule_table(policy),
        workdays=_workday_table(policy, cal, [ended, np.array(clock, "datetime64[D]")]),
        prospect_months=policy.subject_states.prospect_retention_months,
        soon_days=policy.subject_states.due_soon_days,
    )


def _arrow_text(column: pd.Series) -> pa.Array:
    """A text column as Arrow: the "str" column's own array, or converted from objects."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        return pa.array(column.array)
    return pa.array(column.to_numpy(dtype=object), pa.large_string(), from_pandas=True)


def _rule_table(policy: Policy) -> pa.Table:
    """Every category's default rule (basis NULL) and its rules per basis, numbered."""
    rows: list[dict[str, Any]] = []
    for category, basis, rule in _rules(policy):
        offset = rule.offset if rule is not None else None
        rows.append({
            "id": len(rows), "category": category, "basis": basis,
            "has_rule": rule is not None,
            "contract_end": rule is not None and rule.anchor == "contract_end",
            "offset_unit": offset.unit if offset else None,
            "offset_n": _amount(offset) if offset else None,
            "months": (offset.months or 12 * offset.years)
            if offset and not offset.working_days else None,
            "workdays": offset.working_days if offset and offset.working_days else None,
        })  # fmt: skip
    return pa.Table.from_pylist(rows, schema=_RULES)


_RULES = pa.schema([
    ("id", pa.int64()), ("category", pa.string()), ("basis", pa.string()),
    ("has_rule", pa.bool_()), ("contract_end", pa.bool_()), ("offset_unit", pa.string()),
    ("offset_n", pa.int64()), ("months", pa.int64()), ("workdays", pa.int64()),
])  # fmt: skip


def _workday_table(policy: Policy, cal: WorkCalendar, starts: list[np.ndarray]) -> pa.Table:
    """For each working-day count in the policy, the due date from every day between the
    earliest and the latest of `starts` (a few thousand days: SQL looks them up)."""
    counts = sorted({
        rule.offset.working_days
        for _, _, rule in _rules(policy)
        if rule is not None and rule.offset.working_days
    })  # fmt: skip
    days = np.concatenate([d[~np.isnat(d)] for d in starts])
    if not counts or not len(days):
        span = np.array([], dtype="datetime64[D]")
    else:
        span = np.arange(days.min(), days.max() + np.timedelta64(1, "D"))
    return pa.table({
        "n": pa.array(np.repeat(np.array(counts, dtype=np.int64), len(span))),
        "day": pa.array(np.tile(span, len(counts)), pa.date32()),
        "due": pa.array(np.concatenate([add_working_days_array(span, n, cal) for n in counts])
                        if counts else span, pa.date32()),
    })  # fmt: skip


DELETION_COLUMNS = [
    "subject_id", "name", "category", "source", "due", "status", "days_overdue", "anchor",
    "basis_date", "offset_unit", "offset_n", "records", "present", "deleted_on",
]  # fmt: skip
_DATES = ("due", "basis_date", "deleted_on")
_COUNTS = ("subject_id", "days_overdue", "offset_n", "records", "present")


def deletion_frame(table: pa.Table) -> pd.DataFrame:
    """The due-date SQL's rows as the snapshot keeps them: dates as `datetime.date` or
    None, text as "str" columns (object columns when there is no row), names as given."""
    if not table.num_rows:  # typed as before: ids as the records hold them, text as objects
        return pd.DataFrame({c: table.column(c).to_numpy() if c == "subject_id" else
                             np.array([], dtype=np.int64 if c in _COUNTS else object)
                             for c in DELETION_COLUMNS})  # fmt: skip
    columns: dict[str, Any] = {}
    for name in DELETION_COLUMNS:
        column = table.column(name)
        if name in _DATES:
            columns[name] = as_dates(column.to_numpy())
        elif name == "subject_id":  # typed as the records' column is
            columns[name] = column.to_numpy()
        elif name in _COUNTS:
            columns[name] = column.to_numpy().astype(np.int64)
        else:
            columns[name] = pd.array(column, dtype="str")
    return pd.DataFrame(columns, columns=DELETION_COLUMNS)


SUBJECT_COLUMNS = [
    "id", "name", "kvk", "emails", "sources", "status", "end_of_cooperation", "last_contact",
    "first_invoice", "last_invoice", "invoices", "dormant", "inactive", "status_assumed",
]  # fmt: skip


def subject_table(subjects: pd.DataFrame, life: pd.DataFrame) -> pd.DataFrame:
    """store.subjects rows with their lifecycle; dates as `datetime.date` or None."""
    at = positions(life["subject_id"].to_numpy(), subjects["id"].to_numpy())
    if len(at) and (at >= 0).all():
        # Every subject has its lifecycle (the report's case): its columns taken by
        # position, without a merge copying every column of a million rows.
        same = len(life) == len(at) and bool((at == np.arange(len(at))).all())
        part = life if same else life.take(at)  # both in id order: nothing to move
        rows = pd.concat([subjects.reset_index(drop=True), part.reset_index(drop=True)], axis=1)
    else:  # a subject without one gets gaps, as the left join gave
        rows = subjects.merge(life, left_on="id", right_on="subject_id", how="left", sort=False)
    out = rows[["id", "name", "kvk", "emails", "sources", "status", "invoices", "dormant",
                "inactive", "status_assumed"]].copy()  # fmt: skip
    for column in ("end_of_cooperation", "last_contact", "first_invoice", "last_invoice"):
        out[column] = as_dates(_days(rows, column))
    out["kvk"] = out["kvk"].astype(object).where(out["kvk"].notna(), None)
    return out[SUBJECT_COLUMNS]
