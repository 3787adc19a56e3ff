"""The request desk: every written request with its urgency on the as-of date, the rule that
set its deadline, and what the owner recorded about it. Pure functions over the snapshot's
request rows, the recorded outcomes and the policy.

    >>> rows = desk_rows(snap.requests, store.request_outcomes(db), policy, cal, as_of)
    >>> rows.iloc[0]["urgency"]
    'overdue'
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from compliance.policy import Policy, RequestType
from compliance.requests import request_type, respond_by
from compliance.workdays import WorkCalendar, add_working_days

URGENCIES = ("overdue", "due_soon", "open", "logged", "answered", "rejected")
DUE_SOON_WORKING_DAYS = 2  # amber: the deadline is at most this many working days away
DESK_COLUMNS = [
    "id", "type", "subject_id", "who", "email", "channel", "source", "received_on",
    "respond_by", "days_left", "urgency", "status", "answered_on", "outcome", "note",
    "extended", "extended_on", "extension_note", "answer_message_id", "rule_unit", "rule_n",
    "extension_months", "candidates",
]  # fmt: skip


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def _listed(values: Any) -> list[str]:
    """A list column's value (a list, a numpy array, None or NaN) as a plain list."""
    if values is None or isinstance(values, str) or not hasattr(values, "__iter__"):
        return []  # None, NaN, NA
    return [str(v) for v in values]


def _day(value: Any) -> date | None:
    if _missing(value):
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value


def urgency(
    status: str, due: date | None, outcome: str | None, as_of: date, cal: WorkCalendar
) -> str:
    """overdue, due_soon (within 2 working days), open, logged (no deadline), answered or
    rejected."""
    if status == "answered":
        return "rejected" if outcome == "rejected" else "answered"
    if status == "overdue":
        return "overdue"
    if due is None:
        return "logged"
    if due <= add_working_days(as_of, DUE_SOON_WORKING_DAYS, cal):
        return "due_soon"
    return "open"


def can_extend(rtype: RequestType) -> bool:
    """Only the one-month deadlines of the GDPR can be extended (art. 12(3))."""
    return bool(rtype.deadline and rtype.deadline.months and rtype.extension_months)


def extension_problem(
    rtype: RequestType, received_on: date, told_on: date, cal: WorkCalendar
) -> str | None:
    """Why an extension cannot be recorded: 'not_extendable', 'told_too_late' (the requester
    must hear of it within the first month) or 'before_received'; None when it can."""
    if not can_extend(rtype):
        return "not_extendable"
    if told_on < received_on:
        return "before_received"
    first_deadline = respond_by(rtype, received_on, cal, extended=False)
    if first_deadline is not None and told_on > first_deadline:
        return "told_too_late"
    return None


def desk_rows(
    requests: pd.DataFrame,
    outcomes: pd.DataFrame,
    policy: Policy,
    cal: WorkCalendar,
    as_of: date,
) -> pd.DataFrame:
    """One row per request (Snapshot.requests), most urgent first."""
    recorded = {int(r["request_id"]): r for r in outcomes.to_dict("records")}
    rows = []
    for r in requests.to_dict("records"):
        extra = recorded.get(int(r["id"]), {})
        rtype = request_type(policy, r["type"], r.get("candidates"))
        due = _day(r["respond_by"])
        outcome = None if _missing(extra.get("outcome")) else extra.get("outcome")
        status = r["status"]
        deadline = rtype.deadline
        rows.append(
            {
                "id": int(r["id"]),
                "type": r["type"],
                "subject_id": None if _missing(r["subject_id"]) else int(r["subject_id"]),
                "who": next(
                    (str(v) for v in (r["subject_name"], r["name"], r["email"]) if not _missing(v)),
                    "?",
                ),
                "email": None if _missing(r["email"]) else r["email"],
                "channel": r["channel"],
                "source": r["source"],
                "received_on": _day(r["received_on"]),
                "respond_by": due,
                "days_left": (due - as_of).days if due and status != "answered" else None,
                "urgency": urgency(status, due, outcome, as_of, cal),
                "status": status,
                "answered_on": _day(r["answered_on"]),
                "outcome": outcome,
                "note": None if _missing(extra.get("note")) else extra.get("note"),
                "extended": bool(r["extended"]),
                "extended_on": _day(extra.get("extended_on")),
                "extension_note": None
                if _missing(extra.get("extension_note"))
                else extra.get("extension_note"),
                "answer_message_id": None
                if _missing(extra.get("answer_message_id"))
                else extra.get("answer_message_id"),
                "rule_unit": None if deadline is None else deadline.unit,
                "rule_n": None if deadline is None else (deadline.working_days or deadline.months),
                "extension_months": rtype.extension_months if bool(r["extended"]) else 0,
                "candidates": _listed(r.get("candidates")),
            }
        )
    df = pd.DataFrame(rows, columns=DESK_COLUMNS)
    if df.empty:
        return df
    order = {u: i for i, u in enumerate(URGENCIES)}
    df["_u"] = df["urgency"].map(order)
    df["_d"] = df["respond_by"].map(lambda d: d or date.max)
    df["_r"] = df["received_on"].map(lambda d: d or date.max)
    df = df.sort_values(["_u", "_d", "_r", "id"]).drop(columns=["_u", "_d", "_r"])
    return df.reset_index(drop=True)
