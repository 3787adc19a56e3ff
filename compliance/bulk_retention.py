"""Lifecycle and deletion due dates for every subject at once, as the report needs them.

The same rules as `compliance.lifecycle.subject_lifecycle` and
`compliance.retention.deletion_due` / `deletion_status`, applied column-wise: statuses with
numpy `where`, dates with `compliance.bulk_dates`, one rule lookup per (category, basis)
pair instead of one per row. The per-row functions stay the reference (the policy page and
tests use them); tests/test_bulk_retention.py checks both give the same rows.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from compliance.bulk_dates import (
    NAT,
    add_calendar_months_array,
    add_working_days_array,
    as_dates,
    days_between,
)
from compliance.policy import Offset, Policy
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
    status = np.where(former, "former_client", np.where(client | assumed, "client", "prospect"))
    return pd.DataFrame(
        {
            "subject_id": activity["subject_id"].to_numpy(),
            "status": status,
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


def _apply(start: np.ndarray, offset: Offset, cal: WorkCalendar) -> np.ndarray:
    """`retention.apply_offset` over an array of start dates."""
    if offset.working_days:
        return add_working_days_array(start, offset.working_days, cal)
    return add_calendar_months_array(start, offset.months or 12 * offset.years)


def _amount(offset: Offset) -> int:
    return offset.years or offset.months or offset.working_days


DELETION_COLUMNS = [
    "subject_id", "name", "category", "source", "due", "status", "days_overdue", "anchor",
    "basis_date", "offset_unit", "offset_n", "records", "present", "deleted_on",
]  # fmt: skip


def deletions(
    groups: pd.DataFrame,
    life: pd.DataFrame,
    names: pd.Series,
    policy: Policy,
    cal: WorkCalendar,
    as_of: date,
) -> pd.DataFrame:
    """One row per subject × category × source with a due date (store.record_groups rows,
    ordered by subject, category, source, basis): the earliest rule of its bases wins."""
    g = groups.merge(life, on="subject_id", how="inner", sort=False)
    g = g[g["category"].isin(list(policy.categories))].reset_index(drop=True)
    n = len(g)
    due, basis_date = np.full(n, NAT), np.full(n, NAT)
    anchor = np.full(n, "", dtype=object)
    unit, amount = np.full(n, "", dtype=object), np.zeros(n, dtype=np.int64)
    status = g["status"].to_numpy()
    contact = g["last_contact"].to_numpy(dtype="datetime64[D]")
    # Prospects: the last contact plus the prospect months, whatever the category.
    prospect = (status == "prospect") & ~np.isnat(contact)
    offset = Offset(months=policy.subject_states.prospect_retention_months)
    due[prospect] = _apply(contact[prospect], offset, cal)
    basis_date[prospect], anchor[prospect] = contact[prospect], "last_contact"
    unit[prospect], amount[prospect] = offset.unit, _amount(offset)
    # Former clients: the category's rule for the group's basis, per (category, basis).
    end = g["end_of_cooperation"].to_numpy(dtype="datetime64[D]")
    clock = _days(g, "clock_start")
    former = (status == "former_client") & ~np.isnat(end)
    basis = g["basis"].astype(object).where(g["basis"].notna(), None)
    pairs = pd.DataFrame({"category": g["category"], "basis": basis})[former]
    for (category_id, basis_value), rows in pairs.groupby(["category", "basis"], dropna=False):
        rule = policy.categories[category_id].rule_for(
            None if pd.isna(basis_value) else basis_value
        )
        if rule is None:
            continue
        idx = rows.index.to_numpy()
        start, from_clock = end[idx], np.zeros(len(idx), dtype=bool)
        if rule.anchor == "contract_end":
            from_clock = ~np.isnat(clock[idx])
            start = np.where(from_clock, clock[idx], start)
        due[idx] = _apply(start, rule.offset, cal)
        basis_date[idx] = start
        anchor[idx] = np.where(from_clock, "contract_end", "end_of_cooperation")
        unit[idx], amount[idx] = rule.offset.unit, _amount(rule.offset)
    keep = ~np.isnat(due)
    g = g.assign(due=due, basis_date=basis_date, anchor=anchor, offset_unit=unit,
                 offset_n=amount, order=np.arange(n))[keep]  # fmt: skip
    # Several bases in one group (a mandate and an invoice IBAN): the earliest due wins,
    # the first one in basis order on a tie; the record counts add up over all of them.
    key = ["subject_id", "category", "source"]
    if g.empty:  # pandas cannot join Arrow-backed keys with no chunks at all
        return _with_status(g.drop(columns=["order"]), names, policy, as_of)
    totals = g.groupby(key, sort=False)[["records", "present"]].sum()
    first = g.sort_values([*key, "due", "order"], kind="stable").drop_duplicates(key)
    first = first.drop(columns=["records", "present"]).join(totals, on=key)
    first = first.sort_values("order", kind="stable")
    return _with_status(first, names, policy, as_of)


def _with_status(rows: pd.DataFrame, names: pd.Series, policy: Policy, as_of: date) -> pd.DataFrame:
    """`retention.deletion_status` per row, and the columns the snapshot keeps."""
    due = rows["due"].to_numpy(dtype="datetime64[D]")
    present = rows["present"].to_numpy(dtype=np.int64)
    late = -days_between(due, as_of)  # days past due (negative: still to come)
    soon = policy.subject_states.due_soon_days
    status = np.where(present == 0, "deleted", np.where(late > 0, "overdue",
                      np.where(-late <= soon, "due_soon", "scheduled")))  # fmt: skip
    overdue = np.where((present != 0) & (late > 0), late, 0)
    out = pd.DataFrame(
        {
            "subject_id": rows["subject_id"].to_numpy(),
            "name": rows["subject_id"].map(names).to_numpy(dtype=object),
            "category": rows["category"].to_numpy(dtype=object),
            "source": rows["source"].to_numpy(dtype=object),
            "due": as_dates(due),
            "status": status.astype(object),
            "days_overdue": overdue.astype(np.int64),
            "anchor": rows["anchor"].to_numpy(dtype=object),
            "basis_date": as_dates(rows["basis_date"].to_numpy(dtype="datetime64[D]")),
            "offset_unit": rows["offset_unit"].to_numpy(dtype=object),
            "offset_n": rows["offset_n"].to_numpy(dtype=np.int64),
            "records": rows["records"].to_numpy(dtype=np.int64),
            "present": present,
            "deleted_on": as_dates(_days(rows, "deleted_on")),
        },
        columns=DELETION_COLUMNS,
    )
    return out


SUBJECT_COLUMNS = [
    "id", "name", "kvk", "emails", "sources", "status", "end_of_cooperation", "last_contact",
    "first_invoice", "last_invoice", "invoices", "dormant", "inactive", "status_assumed",
]  # fmt: skip


def subject_table(subjects: pd.DataFrame, life: pd.DataFrame) -> pd.DataFrame:
    """store.subjects rows with their lifecycle; dates as `datetime.date` or None."""
    rows = subjects.merge(life, left_on="id", right_on="subject_id", how="left", sort=False)
    out = rows[["id", "name", "kvk", "emails", "sources", "status", "invoices", "dormant",
                "inactive", "status_assumed"]].copy()  # fmt: skip
    for column in ("end_of_cooperation", "last_contact", "first_invoice", "last_invoice"):
        out[column] = as_dates(_days(rows, column))
    out["kvk"] = out["kvk"].astype(object).where(out["kvk"].notna(), None)
    return out[SUBJECT_COLUMNS]
