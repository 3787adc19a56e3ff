"""The answer to an access request (GDPR art. 15): everything held about one data subject,
across systems, with why, where from, for how long and who else processes it, as an Excel
workbook. The same workbook comes from the Verzoeken page and from

    python -m compliance access-overview --subject 7 --out inzage.xlsx --as-of 2026-11-25

Every text cell is written as text, never as a formula (compliance.spreadsheet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from compliance import store
from compliance.i18n import label, t
from compliance.policy import Policy
from compliance.report import Snapshot, build_snapshot
from compliance.requests import request_type
from compliance.spreadsheet import Book, Column

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in the XML of a sheet


class UnknownSubject(LookupError):
    """No data subject with that number."""


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    columns: list[Column]
    rows: list[list[Any]]


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if isinstance(value, list | tuple):
        return ", ".join(_ILLEGAL.sub("", str(v)) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, str | pd.Timestamp):
        return _text(value.tolist())
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return None
    return value


def _fields(values: Any, lang: str) -> str:
    from compliance.i18n import STRINGS

    out = []
    for f in [] if values is None else list(values):
        out.append(t(f"field.{f}", lang) if f"field.{f}" in STRINGS else str(f))
    return ", ".join(out)


def overview_sheets(
    db: Path | str, policy: Policy, subject_id: int, as_of: date, lang: str = "nl",
    snap: Snapshot | None = None,
) -> list[Sheet]:  # fmt: skip
    """The workbook's sheets for one subject; UnknownSubject when there is none."""
    snap = snap or build_snapshot(db, policy, as_of)
    people = snap.subjects[snap.subjects["id"] == subject_id]
    if people.empty:
        raise UnknownSubject(subject_id)
    person = people.iloc[0]
    L = lambda key, **kw: t(f"access.{key}", lang, **kw)  # noqa: E731
    status = t(f"status.{person['status']}", lang)
    ctl = policy.controller
    about = [
        [L("name"), person["name"]],
        [L("kvk"), person["kvk"]],
        [L("emails"), _text(person["emails"])],
        [L("status"), status],
        [L("end_of_cooperation"), _text(person["end_of_cooperation"])],
        [L("last_contact"), _text(person["last_contact"])],
        [L("as_of"), as_of],
        [L("controller"), f"{ctl.name}, {ctl.address} (KvK {ctl.kvk}), {ctl.email}"],
        [L("authority"), ctl.supervisory_authority],
        [L("rights"), L("rights_text")],
    ]

    records = store.subject_records(db, subject_id)
    dels = snap.deletions[snap.deletions["subject_id"] == subject_id]
    due = {(d["category"], d["source"]): d for d in dels.to_dict("records")}
    data_rows, systems_used = [], []
    for r in records.to_dict("records"):
        cat = policy.categories.get(r["category"])
        system = policy.systems.get(r["source"])
        d = due.get((r["category"], r["source"]))
        deleted = _text(r["deleted_on"])
        data_rows.append(
            [
                label(cat, "label", lang) if cat else r["category"],
                _fields(r["fields"], lang),
                _text(r["detail"]),
                label(cat, "purpose", lang) if cat else "",
                system.label if system else r["source"],
                system.processor if system else "",
                label(cat, "retention", lang) if cat else "",
                deleted or (d["due"] if d else None),
                t(f"status.{'deleted' if deleted else (d['status'] if d else 'kept')}", lang),
                _text(r["first_seen"]),
                _text(r["last_seen"]),
            ]
        )
        if r["source"] not in systems_used:
            systems_used.append(r["source"])
    mail = store.messages(db)
    mail = mail[mail["subject_id"] == subject_id]
    if not mail.empty and "mailbox" not in systems_used:
        systems_used.append("mailbox")

    recipients = []
    for sid in systems_used:
        system = policy.systems.get(sid)
        if system is None:
            continue
        recipients.append([
            system.label, system.processor, system.country, label(system, "purpose", lang),
            t(f"agreement.{system.agreement_on_file}", lang),
        ])  # fmt: skip

    reqs = snap.requests[snap.requests["subject_id"] == subject_id]
    request_rows = [
        [
            int(r["id"]),
            label(request_type(policy, r["type"], r.get("candidates")), "label", lang),
            t(f"channel.{r['channel']}", lang),
            _text(r["received_on"]),
            _text(r["respond_by"]),
            _text(r["answered_on"]),
            t(f"status.{r['status']}", lang),
        ]
        for r in reqs.to_dict("records")
    ]

    mail_rows = [
        [
            _text(m["sent_at"]),
            t(f"direction.{m['direction']}", lang),
            _text(m["subject"]),
            ", ".join(t(f"class.{c}", lang) for c in m["classes"]),
        ]
        for m in mail.to_dict("records")
    ]
    invoices = store.subject_invoices(db, subject_id)
    invoice_rows = [
        [
            policy.systems[v["source"]].label if v["source"] in policy.systems else v["source"],
            _text(v["number"]),
            _text(v["invoice_date"]),
        ]
        for v in invoices.to_dict("records")
    ]

    title = L("title", name=person["name"], date=as_of.isoformat())
    C = Column
    return [
        Sheet(L("sheet_person"), title, [C(L("what"), 28), C(L("value"), 70)], about),
        Sheet(
            L("sheet_data"),
            title,
            [
                C(L("category"), 28),
                C(L("fields"), 30),
                C(L("detail"), 28),
                C(L("purpose"), 34),
                C(L("source"), 24),
                C(L("processor"), 26),
                C(L("retention"), 40),
                C(L("due_or_deleted"), 14, "date"),
                C(L("state"), 16),
                C(L("first_seen"), 12, "date"),
                C(L("last_seen"), 12, "date"),
            ],
            data_rows,
        ),
        Sheet(
            L("sheet_recipients"),
            title,
            [
                C(L("source"), 28),
                C(L("processor"), 30),
                C(L("country"), 8),
                C(L("purpose"), 36),
                C(L("agreement"), 24),
            ],
            recipients,
        ),
        Sheet(
            L("sheet_requests"),
            title,
            [
                C(L("request_no"), 6),
                C(L("request_type"), 26),
                C(L("channel"), 10),
                C(L("received_on"), 12, "date"),
                C(L("respond_by"), 12, "date"),
                C(L("answered_on"), 12, "date"),
                C(L("state"), 12),
            ],
            request_rows,
        ),
        Sheet(
            L("sheet_mail"),
            title,
            [
                C(L("sent_at"), 17, "datetime"),
                C(L("direction"), 12),
                C(L("mail_subject"), 50),
                C(L("classification"), 22),
            ],
            mail_rows,
        ),
        Sheet(
            L("sheet_invoices"),
            title,
            [
                C(L("source"), 24),
                C(L("invoice_no"), 16),
                C(L("invoice_date"), 12, "date"),
            ],
            invoice_rows,
        ),
    ]


def overview_workbook(
    db: Path | str, policy: Policy, subject_id: int, as_of: date, lang: str = "nl",
    snap: Snapshot | None = None,
) -> Book:  # fmt: skip
    book = Book(overflow=lambda n: t("audit.overflow", lang, n=n))
    for sheet in overview_sheets(db, policy, subject_id, as_of, lang, snap):
        book.sheet(sheet.name, sheet.title, sheet.columns, sheet.rows)
    return book


def overview_file_name(name: str, as_of: date, lang: str = "nl") -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in str(name).lower()).strip("-")
    slug = re.sub(r"-{2,}", "-", slug)
    return f"{t('access.file_prefix', lang)}-{slug or 'betrokkene'}-{as_of.isoformat()}.xlsx"
