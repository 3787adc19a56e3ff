"""The weekly review: what changed since the owner last signed off.

At a sign-off the dashboard keeps the counts and *which* findings and overdue deletions
were open; the next review compares today's snapshot with that.

    >>> before = review_state(last_week_snapshot, calendar)
    >>> changes_since(before, review_state(snapshot, calendar)).findings_opened
    ['dormant_client:12']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from compliance.figures import WeekFigures, week_figures
from compliance.finding_list import FindingList
from compliance.findings import Finding
from compliance.report import Snapshot
from compliance.workdays import WorkCalendar


def _finding_key(code: str, subject_id: int | None, message: str) -> str:
    # One subject can have several findings of one code (an IP and a login still open):
    # the English text tells them apart and stays the same from week to week.
    return f"{code}:{subject_id}:{message}"


def review_state(
    snap: Snapshot, cal: WorkCalendar, figures: WeekFigures | None = None
) -> dict[str, Any]:
    """What a sign-off keeps: the week's figures (compliance.figures, as the Overzicht shows
    them; `figures` when already counted for `snap`) and the keys of open findings and
    overdue deletions."""
    d = snap.deletions
    overdue = d[d["status"] == "overdue"]
    heads, en, nl = _finding_parts(snap.findings)
    keys = [_finding_key(code, sid, text) for (code, sid), text in zip(heads, en, strict=True)]
    return {
        "as_of": snap.as_of.isoformat(),
        "counts": {"subjects": len(snap.subjects), **(figures or week_figures(snap, cal)).counts()},
        "findings": sorted(keys),
        # The Dutch texts, so a finding closed since can still be shown in either language
        # (the English one is the key's last part).
        "finding_texts": {key: {"nl": n} for key, n in zip(keys, nl, strict=True)},
        # Column by column: a row loop over 700,000 overdue deletions took seconds.
        "overdue": sorted(
            (
                overdue["subject_id"].astype(str)
                + ":"
                + overdue["category"].astype(str)
                + ":"
                + overdue["source"].astype(str)
            ).tolist()
        ),
    }


def _finding_parts(
    findings: Sequence[Finding],
) -> tuple[list[tuple[str, int | None]], list[str], list[str]]:
    """(code, subject id), English and Dutch text of every finding; a report's
    FindingList makes them in bulk instead of one Finding at a time."""
    if isinstance(findings, FindingList):
        return findings.heads(), findings.messages("en"), findings.messages("nl")
    listed = list(findings)
    return (
        [(f.code, f.subject_id) for f in listed],
        [f.message("en") for f in listed],
        [f.message("nl") for f in listed],
    )


@dataclass(frozen=True)
class Changes:
    newly_overdue: list[str]  # subject:category:source
    findings_opened: list[str]
    findings_closed: list[str]
    counts_before: Mapping[str, int]
    counts_now: Mapping[str, int]

    @property
    def nothing(self) -> bool:
        return not (self.newly_overdue or self.findings_opened or self.findings_closed)


def changes_since(before: Mapping[str, Any], now: Mapping[str, Any]) -> Changes:
    """Compare two review states (the last sign-off's and today's)."""
    was_overdue, was_open = set(before.get("overdue", [])), set(before.get("findings", []))
    is_overdue, is_open = set(now["overdue"]), set(now["findings"])
    return Changes(
        newly_overdue=sorted(is_overdue - was_overdue),
        findings_opened=sorted(is_open - was_open),
        findings_closed=sorted(was_open - is_open),
        counts_before=dict(before.get("counts", {})),
        counts_now=dict(now["counts"]),
    )
