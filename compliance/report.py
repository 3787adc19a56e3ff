"""The state of compliance on one as-of date: subjects, inventory, deletions, requests and
findings. Both the dashboard and `python -m compliance report` read this one snapshot, so
the screen and the JSON contract can never disagree.

    >>> snap = build_snapshot("data/compliance.duckdb", load_policy(), date(2026, 11, 25))
    >>> report_dict(snap)["deletions"][0]["status"]
    'overdue'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from compliance import store
from compliance.access import access_findings
from compliance.cookies import website_findings
from compliance.findings import (
    Finding,
    global_findings,
    reappearance_findings,
    request_findings,
    sort_findings,
    subject_findings,
)
from compliance.i18n import label, t
from compliance.lifecycle import SubjectFacts, subject_lifecycle
from compliance.policy import Policy
from compliance.requests import request_status, respond_by
from compliance.retention import deletion_due, deletion_status
from compliance.workdays import WorkCalendar, add_working_days


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    subjects: pd.DataFrame
    inventory: pd.DataFrame
    deletions: pd.DataFrame
    requests: pd.DataFrame
    findings: tuple[Finding, ...]

    def requests_due_within(self, working_days: int, cal: WorkCalendar) -> pd.DataFrame:
        """Open or overdue requests whose deadline is within `working_days` of as_of."""
        limit = add_working_days(self.as_of, working_days, cal)
        req = self.requests
        mask = req["status"].isin(["open", "overdue"]) & req["respond_by"].notna()
        return req[mask & (req["respond_by"] <= limit)]


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
    return [{k: _none(v) for k, v in row.items()} for row in df.to_dict("records")]


def build_snapshot(path: Path | str, policy: Policy, as_of: date) -> Snapshot:
    cal = WorkCalendar.from_policy(policy.calendar)
    invoices_known = store.invoice_count(path) > 0

    subjects = store.subjects(path)
    activity = {r["subject_id"]: r for r in _rows(store.subject_activity(path, as_of))}
    lives = {}
    subject_rows = []
    for s in _rows(subjects):
        a = activity.get(s["id"], {})
        facts = SubjectFacts(
            subject_id=s["id"],
            invoices=a.get("invoices") or 0,
            first_invoice=a.get("first_invoice"),
            last_invoice=a.get("last_invoice"),
            terminated_on=a.get("terminated_on"),
            last_contact=a.get("last_contact"),
            inactive=bool(a.get("inactive")),
        )
        life = subject_lifecycle(facts, policy, as_of, invoices_known)
        lives[s["id"]] = life
        subject_rows.append(
            {
                **s,
                "status": life.status,
                "end_of_cooperation": life.end_of_cooperation,
                "last_contact": life.last_contact,
                "first_invoice": facts.first_invoice,
                "last_invoice": facts.last_invoice,
                "invoices": facts.invoices,
                "dormant": life.dormant,
                "inactive": facts.inactive,
                "status_assumed": life.status_assumed,
            }
        )
    names = {s["id"]: s["name"] for s in subject_rows}

    deletion_rows: dict[tuple[int, str, str], dict[str, Any]] = {}
    for g in _rows(store.record_groups(path)):
        life = lives.get(g["subject_id"])
        category = policy.categories.get(g["category"])
        if life is None or category is None:
            continue
        due = deletion_due(category, g["basis"], life, g["clock_start"], policy, cal)
        if due is None:
            continue
        key = (g["subject_id"], g["category"], g["source"])
        row = deletion_rows.get(key)
        # Several bases in one group (a mandate and an invoice IBAN): the earliest rule wins.
        if row is None or due.due < row["due"]:
            deletion_rows[key] = {
                "subject_id": g["subject_id"],
                "name": names.get(g["subject_id"]),
                "category": g["category"],
                "source": g["source"],
                "due": due.due,
                "anchor": due.anchor,
                "basis_date": due.basis_date,
                "offset_unit": due.offset.unit,
                "offset_n": due.offset.years or due.offset.months or due.offset.working_days,
                "records": g["records"] + (row["records"] if row else 0),
                "present": g["present"] + (row["present"] if row else 0),
                "deleted_on": g["deleted_on"],
            }
        else:
            row["records"] += g["records"]
            row["present"] += g["present"]
    for row in deletion_rows.values():
        row["status"], row["days_overdue"] = deletion_status(
            row["due"], row["present"], as_of, policy.subject_states.due_soon_days
        )

    request_rows = []
    for r in _rows(store.requests(path)):
        if r["received_on"] > as_of:
            continue
        rtype = policy.request_types[r["type"]]
        due_date = respond_by(rtype, r["received_on"], cal, extended=bool(r["extended"]))
        request_rows.append(
            {
                **r,
                "subject_name": names.get(r["subject_id"]),
                "respond_by": due_date,
                "answered_on": r["answered_on"]
                if r["answered_on"] and r["answered_on"] <= as_of
                else None,
                "status": request_status(due_date, r["answered_on"], as_of),
            }
        )

    findings = (
        subject_findings(subject_rows)
        + request_findings(
            [{**r, "name": r["subject_name"] or r["name"]} for r in request_rows],
            {k: {"nl": v.label_nl, "en": v.label_en} for k, v in policy.request_types.items()},
        )
        + global_findings(invoices_known, bool(subject_rows))
        # The website against the cookie promise and the AP's Google Analytics checklist.
        + website_findings(store.website_observations(path), policy, as_of)
        # Access still held by a former client after its due date, or by a prospect.
        + access_findings(
            store.access_rows(path), {r["id"]: r for r in subject_rows}, deletion_rows
        )
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
        subjects=pd.DataFrame(subject_rows, columns=_SUBJECT_COLUMNS),
        inventory=store.inventory(path),
        deletions=pd.DataFrame(list(deletion_rows.values()), columns=_DELETION_COLUMNS),
        requests=pd.DataFrame(request_rows, columns=_REQUEST_COLUMNS),
        findings=tuple(sort_findings(findings)),
    )


_SUBJECT_COLUMNS = [
    "id",
    "name",
    "kvk",
    "emails",
    "sources",
    "status",
    "end_of_cooperation",
    "last_contact",
    "first_invoice",
    "last_invoice",
    "invoices",
    "dormant",
    "inactive",
    "status_assumed",
]
_DELETION_COLUMNS = [
    "subject_id",
    "name",
    "category",
    "source",
    "due",
    "status",
    "days_overdue",
    "anchor",
    "basis_date",
    "offset_unit",
    "offset_n",
    "records",
    "present",
    "deleted_on",
]
_REQUEST_COLUMNS = [
    "id",
    "type",
    "subject_id",
    "subject_name",
    "name",
    "email",
    "kvk",
    "channel",
    "received_on",
    "respond_by",
    "answered_on",
    "status",
    "extended",
    "source",
]


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
        rtype = label(policy.request_types[row["type"]], "label", lang)
        lines.append(
            f"  - #{row['id']} {rtype} · {row['subject_name'] or row['name']} · "
            f"{t('text.respond_by', lang)} {_iso(row['respond_by']) or '-'} "
            f"· {t('status.' + row['status'], lang)}"
        )
    lines.append(t("text.findings", lang, n=len(snap.findings)))
    lines.extend(
        f"  - [{t('severity.' + f.severity, lang)}] {f.message(lang)}" for f in snap.findings
    )
    return "\n".join(lines)
