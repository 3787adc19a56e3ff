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
from compliance.bulk_text import positions, take, words
from compliance.lifecycle import STATUSES
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


ANCHORS = ("", "last_contact", "end_of_cooperation", "contract_end")
UNITS = ("", "working_days", "months", "years")


def deletions(
    groups: pd.DataFrame,
    life: pd.DataFrame,
    names: pd.Series,
    policy: Policy,
    cal: WorkCalendar,
    as_of: date,
) -> pd.DataFrame:
    """One row per subject × category × source with a due date (store.record_groups rows,
    ordered by subject, category, source, basis): the earliest rule of its bases wins.

    Positions and integer codes instead of a merge, string keys and a sort: at a million
    groups pandas spent seconds copying and comparing the text columns. The rows are the
    groups whose subject has a lifecycle, in the groups' order (an inner join)."""
    subject_ids = groups["subject_id"].to_numpy()
    at = positions(life["subject_id"].to_numpy(), subject_ids)
    # Codes in sorted order: the store's (subject, category, source) order is then the
    # order of the codes too.
    category, categories = pd.factorize(groups["category"], sort=True)
    source, sources = pd.factorize(groups["source"], sort=True)
    basis, bases = pd.factorize(groups["basis"])  # missing: -1
    known = np.array([c in policy.categories for c in categories] + [False])[category]
    rows = np.flatnonzero((at >= 0) & known)
    at, category, basis = at[rows], category[rows], basis[rows]
    n = len(rows)
    due, basis_date = np.full(n, NAT), np.full(n, NAT)
    anchor, unit = np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int8)
    amount = np.zeros(n, dtype=np.int64)
    status = life["status"]
    contact = life["last_contact"].to_numpy(dtype="datetime64[D]")[at]
    # Prospects: the last contact plus the prospect months, whatever the category.
    prospect = (status == "prospect").to_numpy(dtype=bool)[at] & ~np.isnat(contact)
    offset = Offset(months=policy.subject_states.prospect_retention_months)
    due[prospect] = _apply(contact[prospect], offset, cal)
    basis_date[prospect], anchor[prospect] = contact[prospect], ANCHORS.index("last_contact")
    unit[prospect], amount[prospect] = UNITS.index(offset.unit), _amount(offset)
    # Former clients: the category's rule for the group's basis, per (category, basis).
    end = life["end_of_cooperation"].to_numpy(dtype="datetime64[D]")[at]
    clock = _days(groups, "clock_start")[rows]
    former = (status == "former_client").to_numpy(dtype=bool)[at] & ~np.isnat(end)
    pair = category * (len(bases) + 1) + basis + 1
    for value in np.unique(pair[former]):
        category_id = categories[value // (len(bases) + 1)]
        b = value % (len(bases) + 1) - 1
        rule = policy.categories[category_id].rule_for(None if b < 0 else bases[b])
        if rule is None:
            continue
        idx = np.flatnonzero(former & (pair == value))
        start, from_clock = end[idx], np.zeros(len(idx), dtype=bool)
        if rule.anchor == "contract_end":
            from_clock = ~np.isnat(clock[idx])
            start = np.where(from_clock, clock[idx], start)
        due[idx] = _apply(start, rule.offset, cal)
        basis_date[idx] = start
        anchor[idx] = np.where(from_clock, ANCHORS.index("contract_end"),
                               ANCHORS.index("end_of_cooperation"))  # fmt: skip
        unit[idx], amount[idx] = UNITS.index(rule.offset.unit), _amount(rule.offset)
    kept = np.flatnonzero(~np.isnat(due))
    # Several bases in one group (a mandate and an invoice IBAN): the earliest due wins,
    # the first one in basis order on a tie; the record counts add up over all of them.
    # Rows come out in the order of each winner.
    key = subject_ids[rows[kept]].astype(np.int64) * len(categories) + category[kept]
    key = key * len(sources) + source[rows[kept]]
    in_order = bool((key[1:] >= key[:-1]).all())  # the store's order: runs of one key
    order = np.arange(len(key)) if in_order else np.argsort(key, kind="stable")
    winners, first = _earliest_per_run(key[order], due[kept][order].astype(np.int64))
    winners = order[winners]
    records = groups["records"].to_numpy(dtype=np.int64)[rows[kept]][order]
    present = groups["present"].to_numpy(dtype=np.int64)[rows[kept]][order]
    totals = (np.add.reduceat(records, first) if len(first) else records,
              np.add.reduceat(present, first) if len(first) else present)  # fmt: skip
    if not in_order:
        by_position = np.argsort(winners, kind="stable")
        winners, totals = winners[by_position], (totals[0][by_position], totals[1][by_position])
    pick = kept[winners]  # among `rows`
    return _with_status(groups, rows[pick], (category[pick], categories),
                        (source[rows[pick]], sources), due[pick], basis_date[pick],
                        anchor[pick], unit[pick], amount[pick], totals, names, policy,
                        as_of)  # fmt: skip


def _earliest_per_run(key: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For runs of equal `key`: the position of each run's smallest `day` (the first on a
    tie) and where each run starts."""
    starts = np.r_[True, key[1:] != key[:-1]] if len(key) else np.zeros(0, dtype=bool)
    first = np.flatnonzero(starts)
    if not len(first):
        return first, first
    run = np.cumsum(starts) - 1
    hit = np.flatnonzero(day == np.minimum.reduceat(day, first)[run])
    return hit[np.r_[True, run[hit][1:] != run[hit][:-1]]], first


def _with_status(
    groups: pd.DataFrame,
    rows: np.ndarray,
    category: tuple[np.ndarray, pd.Index],
    source: tuple[np.ndarray, pd.Index],
    due: np.ndarray,
    basis_date: np.ndarray,
    anchor: np.ndarray,
    unit: np.ndarray,
    amount: np.ndarray,
    totals: tuple[np.ndarray, np.ndarray],
    names: pd.Series,
    policy: Policy,
    as_of: date,
) -> pd.DataFrame:
    """`retention.deletion_status` per row, and the columns the snapshot keeps."""
    records, present = totals
    late = -days_between(due, as_of)  # days past due (negative: still to come)
    soon = policy.subject_states.due_soon_days
    status = np.where(present == 0, 3, np.where(late > 0, 0, np.where(-late <= soon, 1, 2)))
    overdue = np.where((present != 0) & (late > 0), late, 0)
    subject_ids = groups["subject_id"].to_numpy()[rows]
    return pd.DataFrame(
        {
            "subject_id": subject_ids,
            "name": take(names, positions(names.index.to_numpy(), subject_ids)),
            "category": words(list(category[1]), category[0]),
            "source": words(list(source[1]), source[0]),
            "due": as_dates(due),
            "status": words(("overdue", "due_soon", "scheduled", "deleted"), status),
            "days_overdue": overdue.astype(np.int64),
            "anchor": words(ANCHORS, anchor),
            "basis_date": as_dates(basis_date),
            "offset_unit": words(UNITS, unit),
            "offset_n": amount.astype(np.int64),
            "records": records.astype(np.int64),
            "present": present.astype(np.int64),
            "deleted_on": as_dates(_days(groups, "deleted_on")[rows]),
        },
        columns=DELETION_COLUMNS,
    )


def inventory(groups: pd.DataFrame) -> pd.DataFrame:
    """store.inventory from store.record_groups rows (every category): present records per
    category and source, and the subjects they are about. The report has the groups
    already; a second pass over every record cost a fifth of a second at L."""
    category, categories = pd.factorize(groups["category"], sort=True)
    source, sources = pd.factorize(groups["source"], sort=True)
    present = groups["present"].to_numpy(dtype=np.int64)
    held = np.flatnonzero(present > 0)
    pair = category[held] * len(sources) + source[held]
    key = groups["subject_id"].to_numpy()[held].astype(np.int64) * (len(categories) * len(
        sources)) + pair  # fmt: skip
    size = len(categories) * len(sources)
    records = np.bincount(pair, weights=present[held], minlength=size).astype(np.int64)
    if not (key[1:] >= key[:-1]).all():  # not in the store's order
        order = np.argsort(key, kind="stable")
        key, pair = key[order], pair[order]
    # A subject counts once per pair however many bases its records have.
    first = np.r_[True, key[1:] != key[:-1]] if len(key) else np.zeros(0, dtype=bool)
    subjects = np.bincount(pair[first], minlength=size)
    found = np.flatnonzero(subjects > 0)
    return pd.DataFrame(
        {
            "category": words(list(categories), found // max(len(sources), 1)),
            "source": words(list(sources), found % max(len(sources), 1)),
            "subjects": subjects[found].astype(np.int64),
            "records": records[found],
        }
    )


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
