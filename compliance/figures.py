"""The week's figures, counted once: what the Overzicht headline and cards, a sign-off and
the workbook's Samenvatting all show, so that the same thing is counted the same way
everywhere.

Findings are counted as *groups*: one group per kind of finding and person (the same
former client with four IP addresses is one thing to act on, with four items), or per
kind for findings about no one (two cookies that live too long). A group is as severe as
its worst item; groups come worst first, the largest first within a severity.

    >>> figures = week_figures(snapshot, calendar)
    >>> figures.attention == (figures.overdue_deletions + figures.urgent_requests
    ...                       + figures.other_groups)
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from compliance.finding_list import FindingList
from compliance.findings import SEVERITIES, Finding
from compliance.i18n import STRINGS, t
from compliance.report import Snapshot
from compliance.workdays import WorkCalendar

URGENT_WORKING_DAYS = 5  # a request is urgent when its deadline is this close, or passed
# An overdue request is also a finding; it is counted once, as a request.
COUNTED_AS_REQUEST = frozenset({"request_overdue"})


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one kind about one person (or about no one): `items` are positions
    in the snapshot's finding list, in its order."""

    code: str
    subject_id: int | None
    severity: str  # the worst of its items
    items: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.items)

    def title(self, findings: Sequence[Finding], lang: str) -> str:
        """One item: its own sentence. Several: what they have in common, with the count."""
        first = findings[self.items[0]]
        if self.size == 1:
            return first.message(lang)
        key = f"finding_group.{self.code}"
        params = {k: v[lang] if isinstance(v, Mapping) else v for k, v in first.params.items()}
        if key not in STRINGS:
            key = "finding_group.other"
            params = {"first": first.message(lang)}
        return t(key, lang, **{**params, "n": self.size})


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup]:
    """The findings as groups (see the module docstring), worst first."""
    if isinstance(findings, FindingList):
        heads, ranks = findings.heads(), findings.ranks()
    else:
        heads = [(f.code, f.subject_id) for f in findings]
        ranks = np.array([SEVERITIES.index(f.severity) for f in findings], dtype=np.int64)
    if not heads:
        return []
    # Column-wise: a million subjects may hold hundreds of thousands of findings.
    codes, code_names = pd.factorize(np.array([h[0] for h in heads], dtype=object))
    # -1 for no one: a missing value would make the column float
    subjects = np.array([-1 if h[1] is None else h[1] for h in heads], dtype=np.int64)
    group, _ = pd.factorize(codes.astype(np.int64) * (int(subjects.max()) + 2) + subjects + 1)
    n = int(group.max()) + 1
    sizes = np.bincount(group, minlength=n)
    worst = np.full(n, len(SEVERITIES), dtype=np.int64)
    np.minimum.at(worst, group, ranks)
    first_at = np.full(n, len(heads), dtype=np.int64)
    np.minimum.at(first_at, group, np.arange(len(heads)))
    members = np.argsort(group, kind="stable").tolist()  # each group's items, in order
    ends = np.cumsum(sizes).tolist()
    # Plain lists from here: numpy and pandas scalar lookups per group cost seconds at
    # hundreds of thousands of groups.
    names = [str(c) for c in code_names.tolist()]
    code_of = codes[first_at].tolist()
    subject_of = subjects[first_at].tolist()
    size_of, worst_of = sizes.tolist(), worst.tolist()
    out = []
    for g in np.lexsort((first_at, -sizes, worst)).tolist():
        subject = subject_of[g]
        out.append(
            FindingGroup(
                code=names[code_of[g]],
                subject_id=None if subject == -1 else subject,
                severity=SEVERITIES[worst_of[g]],
                items=tuple(members[ends[g] - size_of[g] : ends[g]]),
            )
        )
    return out


@dataclass(frozen=True)
class WeekFigures:
    """Every number the week is judged by; each field says exactly what it counts."""

    clients: int
    former_clients: int
    prospects: int
    overdue_deletions: int  # retention groups past their due date, not yet deleted
    due_soon_deletions: int  # due within the policy's warning window
    longest_overdue: int | None  # days the most overdue deletion is late (None: none is)
    next_due: date | None  # the earliest due date of a deletion due soon
    open_requests: int  # not answered, late ones included
    urgent_requests: int  # open, the deadline within 5 working days or passed
    late_requests: int  # open, the deadline passed (a part of urgent_requests)
    groups: tuple[FindingGroup, ...]  # every finding, grouped, worst first
    others: tuple[FindingGroup, ...]  # the groups not already counted as a request
    findings: int  # the items in every group

    @property
    def attention(self) -> int:
        """What the headline counts: each thing to act on once."""
        return self.overdue_deletions + self.urgent_requests + self.other_groups

    @property
    def other_groups(self) -> int:
        return len(self.others)

    @property
    def other_by_severity(self) -> dict[str, int]:
        return {k: sum(1 for g in self.others if g.severity == k) for k in SEVERITIES}

    @property
    def other_items(self) -> int:
        """The findings in the other groups."""
        return sum(g.size for g in self.others)

    @property
    def soon_requests(self) -> int:
        """Urgent requests not yet late."""
        return self.urgent_requests - self.late_requests

    def counts(self) -> dict[str, int]:
        """The figures a sign-off keeps (and the trend shows), as plain numbers."""
        return {
            "clients": self.clients,
            "former_clients": self.former_clients,
            "prospects": self.prospects,
            "overdue_deletions": self.overdue_deletions,
            "due_soon_deletions": self.due_soon_deletions,
            "open_requests": self.open_requests,
            "urgent_requests": self.urgent_requests,
            "overdue_requests": self.late_requests,
            "finding_groups": self.other_groups,
            "high_finding_groups": self.other_by_severity["high"],
            "findings": self.findings,
        }


def week_figures(snap: Snapshot, cal: WorkCalendar) -> WeekFigures:
    subjects, deletions, requests = snap.subjects, snap.deletions, snap.requests
    status = subjects["status"].value_counts() if len(subjects) else pd.Series(dtype=int)
    is_overdue = (deletions["status"] == "overdue").to_numpy()
    is_soon = (deletions["status"] == "due_soon").to_numpy()
    late_days = deletions["days_overdue"].to_numpy()[is_overdue]
    due = deletions["due"][is_soon]
    urgent = snap.requests_due_within(URGENT_WORKING_DAYS, cal)
    groups = tuple(group_findings(snap.findings))
    return WeekFigures(
        clients=int(status.get("client", 0)),
        former_clients=int(status.get("former_client", 0)),
        prospects=int(status.get("prospect", 0)),
        overdue_deletions=int(is_overdue.sum()),
        due_soon_deletions=int(is_soon.sum()),
        longest_overdue=int(late_days.max()) if len(late_days) else None,
        next_due=due.min() if len(due) else None,
        open_requests=int(requests["status"].isin(["open", "overdue"]).sum()),
        urgent_requests=len(urgent),
        late_requests=int((urgent["status"] == "overdue").sum()),
        groups=groups,
        others=tuple(g for g in groups if g.code not in COUNTED_AS_REQUEST),
        findings=len(snap.findings),
    )


TREND_SERIES = ("overdue_deletions", "overdue_requests", "high_finding_groups")


def trend(sign_offs: pd.DataFrame, today: WeekFigures, as_of: date) -> pd.DataFrame:
    """The open items per kind at each sign-off (oldest first) and today: columns as_of,
    signed (the sign-off's moment; None for today) and TREND_SERIES. A sign-off made before
    a figure was kept has no value for it (None), never a made-up one."""
    rows = [
        {
            "as_of": pd.Timestamp(row["as_of"]).date(),
            "signed": pd.Timestamp(row["at"]).to_pydatetime(),
            **{k: row["counts"].get(k) for k in TREND_SERIES},
        }
        for _, row in sign_offs.sort_values("id").iterrows()
    ]
    now = today.counts()
    rows.append({"as_of": as_of, "signed": None, **{k: now[k] for k in TREND_SERIES}})
    return pd.DataFrame(rows, columns=["as_of", "signed", *TREND_SERIES])
