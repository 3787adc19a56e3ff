"""Things the owner must look at that are not a plain deadline: each a code, a severity,
the subject it concerns and a sentence saying what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from compliance.i18n import STRINGS, plural, t

SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    subject_id: int | None
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        # A parameter may itself be translated: {"nl": ..., "en": ...}.
        params = {k: v[lang] if isinstance(v, Mapping) else v for k, v in self.params.items()}
        key = f"finding.{self.code}"
        if key not in STRINGS and "n" in params:  # a count: its singular or plural text
            return plural(key, lang, **params)
        return t(key, lang, **params)


def subject_findings(subjects: Iterable[Mapping[str, Any]]) -> list[Finding]:
    """Findings per subject row (status, dormant, inactive, last_contact already computed)."""
    found: list[Finding] = []
    for s in subjects:
        if s["status"] == "client" and s["dormant"]:
            found.append(
                Finding(
                    "dormant_client",
                    "medium",
                    s["id"],
                    {"name": s["name"], "last_invoice": _iso(s["last_invoice"])},
                )
            )
        if s["status"] == "client" and s["inactive"]:
            found.append(
                Finding("inactive_without_termination", "low", s["id"], {"name": s["name"]})
            )
        if s["status"] == "prospect" and s["last_contact"] is None:
            found.append(
                Finding("prospect_without_contact_date", "medium", s["id"], {"name": s["name"]})
            )
    return found


def request_findings(
    requests: Iterable[Mapping[str, Any]], type_labels: Mapping[str, Mapping[str, str]]
) -> list[Finding]:
    """Overdue requests (high) and requests answered after their deadline (low)."""
    found: list[Finding] = []
    for r in requests:
        params = {
            "id": r["id"],
            "type": type_labels[r["type"]],
            "name": r["name"] or "?",
            "respond_by": _iso(r["respond_by"]),
            "answered_on": _iso(r["answered_on"]),
        }
        if r["status"] == "overdue":
            found.append(Finding("request_overdue", "high", r["subject_id"], params))
        elif (
            r["status"] == "answered"
            and r["respond_by"] is not None
            and r["answered_on"] > r["respond_by"]
        ):
            found.append(Finding("request_answered_late", "low", r["subject_id"], params))
    return found


def global_findings(invoices_known: bool, subjects_present: bool) -> list[Finding]:
    if subjects_present and not invoices_known:
        return [Finding("no_invoices", "medium", None)]
    return []


def reappearance_findings(
    rows: Iterable[Mapping[str, Any]],
    system_label: Mapping[str, str],
    category_labels: Mapping[str, Mapping[str, str]],
    as_of: date,
) -> list[Finding]:
    """Data marked deleted that a later import brought back (high: the promise is broken
    again, or the deletion never happened at the source)."""
    found = []
    for r in rows:
        imported = r["imported_at"]
        if isinstance(imported, datetime):
            imported = imported.date()
        if imported is not None and imported > as_of:
            continue
        found.append(
            Finding(
                "reappeared_after_deletion",
                "high",
                r["subject_id"],
                {
                    "name": r["name"] or "?",
                    "system": system_label.get(r["source"], r["source"]),
                    "category": category_labels[r["category"]],
                    "file": r["file_name"],
                    "deleted_on": _iso(r["deleted_on"]),
                },
            )
        )
    return found


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.code, f.subject_id or 0))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else "?"
