"""The deletion list (most overdue first, with the rule behind each due date) and the
record of deletions marked done.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from compliance.report import Snapshot, deletion_reason
from compliance.ui.display import (
    category_label,
    fmt_date,
    source_label,
    status_label,
)
from compliance.ui.frame import (
    Settings,
    audit_log,
    today,
)

# The "mark as deleted" picker offers at most this many rows, the most urgent first: every
# option is sent to the browser on each rerun (a million of them at ten years of exports).
MAX_CHOICES = 1000


def filter_deletions(
    deletions: pd.DataFrame,
    statuses: list[str],
    categories: list[str],
    sources: list[str],
    search: str,
) -> pd.DataFrame:
    """The rows the filters let through, most overdue first, then the earliest due date."""
    mask = deletions["status"].isin(statuses)
    if categories:
        mask &= deletions["category"].isin(categories)
    if sources:
        mask &= deletions["source"].isin(sources)
    if search.strip():
        mask &= deletions["name"].fillna("").str.contains(search.strip(), case=False, regex=False)
    return deletions[mask].sort_values(["days_overdue", "due"], ascending=[False, True])


def deletions_table(s: Settings, rows: pd.DataFrame) -> pd.DataFrame:
    records = rows.to_dict("records")
    return pd.DataFrame(
        {
            s.t("col.name"): rows["name"],
            s.t("col.category"): [category_label(s, c) for c in rows["category"]],
            s.t("col.system"): [source_label(s, v) for v in rows["source"]],
            s.t("col.status"): [status_label(s, v) for v in rows["status"]],
            s.t("col.due"): [fmt_date(v) for v in rows["due"]],
            # Only a late row has days late; a blank reads better than a row of zeros.
            s.t("col.days_overdue"): [
                s.t("deletions.days", n=int(r["days_overdue"])) if r["status"] == "overdue" else ""
                for r in records
            ],
            s.t("col.reason"): [deletion_reason(r, s.lang) for r in records],
        }
    )


def deletion_choices(s: Settings, rows: pd.DataFrame) -> dict[tuple[int, str, str], str]:
    """(subject, category, system) -> 'Name · Category · System (due …)' for the form."""
    return {
        (int(r["subject_id"]), r["category"], r["source"]): " · ".join(
            [
                str(r["name"]),
                category_label(s, r["category"]),
                source_label(s, r["source"]),
                s.t("deletions.due_on", date=fmt_date(r["due"])),
            ]
        )
        for r in rows.to_dict("records")
    }


def default_deletion_date(s: Settings) -> date:
    """The as-of date, but never after today: a deletion cannot be done in the future."""
    return min(s.as_of, today())


def deletion_log_table(s: Settings, log: pd.DataFrame, snap: Snapshot) -> pd.DataFrame:
    names = dict(zip(snap.subjects["id"], snap.subjects["name"], strict=True))
    return pd.DataFrame(
        {
            s.t("col.marked_at"): [v.strftime("%Y-%m-%d %H:%M") for v in log["at"]],
            s.t("col.actor"): log["actor"],
            s.t("col.name"): [names.get(v, v) for v in log["subject_id"]],
            s.t("col.category"): [category_label(s, c) for c in log["category"]],
            s.t("col.system"): [source_label(s, v) for v in log["source"]],
            s.t("col.deleted_on"): [fmt_date(v) for v in log["deleted_on"]],
            s.t("col.records"): log["records"],
            s.t("col.evidence"): log["evidence"],
        }
    )


def deletion_log(s: Settings) -> pd.DataFrame:
    """The 'deletion_marked' entries of the audit log, one row per marking."""
    log = audit_log(s)
    rows = []
    for entry in log[log["action"] == "deletion_marked"].to_dict("records"):
        detail = json.loads(entry["detail"])
        rows.append({"at": entry["at"], "actor": entry["actor"], **detail})
    return pd.DataFrame(
        rows,
        columns=[
            *("at", "actor", "subject_id", "category", "source", "deleted_on", "records"),
            "evidence",
        ],
    )
