"""The numbers the Overzicht opens with, and its one-sentence headline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from compliance.report import Snapshot
from compliance.ui.display import plural
from compliance.ui.frame import (
    Settings,
    imports,
)


@dataclass(frozen=True)
class WeekCounts:
    """The numbers the Overzicht opens with."""

    overdue_deletions: int
    soon_deletions: int
    requests_soon: int  # open, due within 5 working days, overdue ones included
    requests_overdue: int
    findings: dict[str, int]  # severity -> count
    other_findings: int  # findings that are not an overdue request (counted as a request)
    attention: int  # what the headline counts: each thing to act on once
    longest_overdue: int | None  # days the most overdue deletion is late (None: none is)
    next_due: date | None  # the earliest due date of a deletion due soon (None: none is)


def week_counts(s: Settings, snap: Snapshot) -> WeekCounts:
    status = snap.deletions["status"]
    soon = snap.requests_due_within(5, s.cal)
    severities = pd.Series([f.severity for f in snap.findings], dtype="object")
    # An overdue request is also a finding; count it once, as a request.
    other_findings = sum(1 for f in snap.findings if f.code != "request_overdue")
    is_overdue, is_soon = (status == "overdue").to_numpy(), (status == "due_soon").to_numpy()
    overdue = int(is_overdue.sum())
    # Computed here, once per snapshot: a rerun of the page must not filter every deletion.
    late = snap.deletions["days_overdue"].to_numpy()[is_overdue]
    due = snap.deletions["due"][is_soon]
    return WeekCounts(
        overdue_deletions=overdue,
        soon_deletions=int(is_soon.sum()),
        requests_soon=len(soon),
        requests_overdue=int((soon["status"] == "overdue").sum()),
        findings={k: int((severities == k).sum()) for k in ("high", "medium", "low")},
        other_findings=other_findings,
        attention=overdue + len(soon) + other_findings,
        longest_overdue=int(late.max()) if len(late) else None,
        next_due=due.min() if len(due) else None,
    )


def attention_sentence(s: Settings, counts: WeekCounts) -> str:
    """'7 zaken vragen aandacht: 4 verwijderingen te laat, …' naming only the non-zero parts."""
    parts = [
        plural(s, "overview.part_overdue", counts.overdue_deletions),
        plural(s, "overview.part_requests", counts.requests_soon),
        plural(s, "overview.part_findings", counts.other_findings),
    ]
    numbers = (counts.overdue_deletions, counts.requests_soon, counts.other_findings)
    shown = [p for p, n in zip(parts, numbers, strict=True) if n]
    return plural(s, "overview.attention", counts.attention, parts=", ".join(shown))


def latest_imports(s: Settings) -> pd.DataFrame:
    """The most recent successful import per system and kind of export (relations and
    invoices of one system are different files, and both matter)."""
    df = imports(s)
    df = df[df["status"] == "imported"].sort_values("finished_at", ascending=False)
    return df.drop_duplicates(["source", "kind"]).sort_values(["source", "kind"])
