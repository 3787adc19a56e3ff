"""The state of compliance on one as-of date: subjects, inventory, deletions, requests and
findings. Both the dashboard and `python -m compliance report` read this one snapshot, so
the screen and the JSON contract can never disagree.

    >>> snap = build_snapshot("data/compliance.duckdb", load_policy(), date(2026, 11, 25))
    >>> report_dict(snap)["deletions"][0]["status"]
    'overdue'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from compliance import store
from compliance.access import access_findings
from compliance.bulk_requests import request_table
from compliance.bulk_retention import lifecycles, stored_deletions, subject_table
from compliance.cookies import website_findings
from compliance.finding_list import FindingList, subject_blocks
from compliance.findings import (
    Finding,
    global_findings,
    reappearance_findings,
    request_findings,
)
from compliance.i18n import label, t
from compliance.policy import UNCLEAR, Policy
from compliance.requests import request_type
from compliance.visible import visible
from compliance.workdays import WorkCalendar, add_working_days


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    subjects: pd.DataFrame
    inventory: pd.DataFrame
    deletions: pd.DataFrame
    requests: pd.DataFrame
    findings: Sequence[Finding]  # a FindingList: Finding objects made when read

    def requests_due_within(self, working_days: int, cal: WorkCalendar) -> pd.DataFrame:
        """Open or overdue requests whose deadline is within `working_days` of as_of."""
        limit = add_working_days(self.as_of, working_days, cal)
        req = self.requests
        mask = req["status"].isin(["open", "overdue"]) & req["respond_by"].notna()
        return req[mask & (req["respond_by"] <= limit)]


NOTED_COLUMNS = ["id", "type", "subject_id", "subject_name", "name", "respond_by",
                 "answered_on", "status"]  # fmt: skip


def _none(value: Any) -> Any:
    """pandas' missing values (NaT, NaN, NA) as None; Timestamps as dates."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as dicts of plain values (what `_none(to_dict("records"))` gave),
    converted a column at a time: a dict comprehension per row calling _none on every
    value cost most of a second for the report's larger tables."""
    columns = {k: _plain_values(df[k]) for k in df.columns}
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def _plain_values(column: pd.Series) -> list[Any]:
    """_none per value of one column; whole numbers, floats and text without the call."""
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else None
    if kind in ("i", "u", "b"):  # no gap possible: Python ints and bools as they are
        return column.tolist()
    if kind == "f" or column.dtype == "str":  # a gap is NaN: None instead
        return [None if v != v else v for v in column.tolist()]
    values = column.tolist()
    if {type(v) for v in values} <= _AS_THEY_ARE:  # dates and gaps, mostly
        return values
    return [_none(_native(v)) for v in values]


# Values _none and _native give back unchanged (None included): no call per value needed.
_AS_THEY_ARE = {type(None), date, str, int, bool}


def _native(value: Any) -> Any:
    """A numpy scalar in an object column as to_dict gives it: a Python value (dates and
    times as pandas Timestamps)."""
    if isinstance(value, np.datetime64 | np.timedelta64):
        return pd.Timestamp(value) if isinstance(value, np.datetime64) else pd.Timedelta(value)
    return value.item() if isinstance(value, np.generic) else value


def _type_labels(policy: Policy) -> dict[str, dict[str, str]]:
    """Each request type's label per language, 'unclear' (te beoordelen) included."""
    types = {**policy.request_types, UNCLEAR: request_type(policy, UNCLEAR)}
    return {k: {"nl": v.label_nl, "en": v.label_en} for k, v in types.items()}


def build_snapshot(path: Path | str, policy: Policy, as_of: date) -> Snapshot:
    with store.sharing(path):  # one connection for every query below
        return _build_snapshot(path, policy, as_of)


def _build_snapshot(path: Path | str, policy: Policy, as_of: date) -> Snapshot:
    cal = WorkCalendar.from_policy(policy.calendar)
    invoices_known = store.invoice_count(path) > 0

    # Every subject's lifecycle and every group's due date column-wise (bulk_retention):
    # a Python loop per row cost seconds at a million subjects.
    subjects = store.subjects(path)
    life = lifecycles(store.subject_activity(path, as_of), policy, as_of, invoices_known)
    subject_frame = subject_table(subjects, life)
    # The Arrow-backed names as they are: an object copy cost a string per subject.
    names = pd.Series(subject_frame["name"].array, index=subject_frame["id"].to_numpy())
    # Due dates computed where the records are (DuckDB), not over groups fetched first.
    deletion_frame = stored_deletions(path, life, names, policy, cal, as_of)
    inventory_frame = store.inventory(path)
    request_frame = request_table(store.requests(path), names, policy, cal, as_of)
    # Only overdue and late-answered requests become findings: rows for just those, and only
    # the columns request_findings reads.
    noted = request_frame[request_frame["status"].isin(["overdue", "answered"])]
    request_rows = _rows(noted[NOTED_COLUMNS])

    # Per-subject findings stay columns until read (FindingList); the others are few.
    others = (
        request_findings(
            [{**r, "name": r["subject_name"] or r["name"]} for r in request_rows],
            _type_labels(policy),
        )
        + global_findings(invoices_known, bool(len(subject_frame)))
        # The website against the cookie promise and the AP's Google Analytics checklist.
        + website_findings(store.website_observations(path), policy, as_of)
        # Access still held by a former client after its due date, or by a prospect.
        + _access_findings(store.access_rows(path), subject_frame, deletion_frame)
        # Data marked deleted that an import brought back.
        + reappearance_findings(
            _rows(store.reappearances(path)),
            {k: v.label for k, v in policy.systems.items()},
            {k: {"nl": v.label_nl, "en": v.label_en} for k, v in policy.categories.items()},
            as_of,
        )
    )
    return Snapshot(
        as_of=as_of,
        subjects=subject_frame,
        inventory=inventory_frame,
        deletions=deletion_frame,
        requests=request_frame,
        findings=FindingList(subject_blocks(subject_frame), others),
    )


def _access_findings(
    entries: list[dict[str, Any]], subjects: pd.DataFrame, deletions: pd.DataFrame
) -> list[Finding]:
    """access_findings, given only the subjects and deletions the access entries concern."""
    ids = {int(e["subject_id"]) for e in entries if e.get("subject_id") is not None}
    concerned = subjects[subjects["id"].isin(ids)]
    due = deletions[deletions["subject_id"].isin(ids)]
    return access_findings(
        entries,
        {r["id"]: r for r in _rows(concerned)},
        {(r["subject_id"], r["category"], r["source"]): r for r in _rows(due)},
    )


def deletion_reason(row: dict[str, Any], lang: str) -> str:
    """Why this due date: 'einde samenwerking 2026-03-02 + 7 jaar'."""
    return t(
        "reason",
        lang,
        anchor=t(f"anchor.{row['anchor']}", lang),
        date=_iso(row["basis_date"]),
        offset=t(f"offset.{row['offset_unit']}", lang, n=row["offset_n"]),
    )


def _iso(value: Any) -> str | None:
    value = _none(value)
    return value.isoformat() if isinstance(value, date) else value


def report_dict(snap: Snapshot, lang: str = "nl") -> dict[str, Any]:
    """The JSON contract of `python -m compliance report` (see README)."""
    return {
        "as_of": snap.as_of.isoformat(),
        "subjects": [
            {
                "id": s["id"],
                "name": s["name"],
                "kvk": s["kvk"],
                "emails": list(s["emails"]),
                "status": s["status"],
                "end_of_cooperation": _iso(s["end_of_cooperation"]),
                "sources": list(s["sources"]),
            }
            for s in _rows(snap.subjects)
        ],
        "inventory": [
            {
                "category": r["category"],
                "source": r["source"],
                "subjects": int(r["subjects"]),
                "records": int(r["records"]),
            }
            for r in _rows(snap.inventory)
        ],
        "deletions": [
            {
                "subject_id": d["subject_id"],
                "category": d["category"],
                "source": d["source"],
                "due": _iso(d["due"]),
                "status": d["status"],
                "days_overdue": int(d["days_overdue"]),
            }
            for d in _rows(snap.deletions)
        ],
        "requests": [
            {
                "id": r["id"],
                "type": r["type"],
                "subject_id": r["subject_id"],
                "email": r["email"],
                "received_on": _iso(r["received_on"]),
                "respond_by": _iso(r["respond_by"]),
                "answered_on": _iso(r["answered_on"]),
                "status": r["status"],
            }
            for r in _rows(snap.requests)
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "subject_id": f.subject_id,
                "message": f.message(lang),
            }
            for f in snap.findings
        ],
    }


def report_json(snap: Snapshot, lang: str = "nl") -> str:
    return json.dumps(report_dict(snap, lang), ensure_ascii=False, indent=2)


def report_text(snap: Snapshot, policy: Policy, lang: str = "nl") -> str:
    """A short plain-text summary for e-mail or a terminal."""
    d = snap.deletions
    lines = [f"{t('text.as_of', lang)}: {snap.as_of.isoformat()}"]
    counts = snap.subjects["status"].value_counts() if len(snap.subjects) else {}
    lines.append(
        t(
            "text.subjects",
            lang,
            n=len(snap.subjects),
            clients=int(counts.get("client", 0)),
            former=int(counts.get("former_client", 0)),
            prospects=int(counts.get("prospect", 0)),
        )
    )
    overdue = d[d["status"] == "overdue"].sort_values("days_overdue", ascending=False)
    lines.append(t("text.overdue", lang, n=len(overdue)))
    for row in _rows(overdue):
        cat = label(policy.categories[row["category"]], "label", lang)
        lines.append(
            f"  - {row['name']} · {cat} · {row['source']} · {t('text.due', lang)} "
            f"{_iso(row['due'])} ({row['days_overdue']} {t('text.days', lang)})"
        )
    open_req = snap.requests[snap.requests["status"].isin(["open", "overdue"])]
    lines.append(t("text.requests", lang, n=len(open_req)))
    for row in _rows(open_req):
        rtype = label(request_type(policy, row["type"], row.get("candidates")), "label", lang)
        lines.append(
            f"  - #{row['id']} {rtype} · {row['subject_name'] or row['name']} · "
            f"{t('text.respond_by', lang)} {_iso(row['respond_by']) or '-'} "
            f"· {t('status.' + row['status'], lang)}"
        )
    lines.append(t("text.findings", lang, n=len(snap.findings)))
    lines.extend(
        f"  - [{t('severity.' + f.severity, lang)}] {f.message(lang)}" for f in snap.findings
    )
    # One line per item, whatever a name holds: a line break in it is shown, not obeyed.
    return "\n".join(visible(line) for line in lines)
