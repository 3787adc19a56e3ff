"""The audit workbook for the regulator: one Excel file with the state on an as-of date.

    python -m compliance audit --as-of 2026-11-25 --out audit.xlsx

Sheets (Dutch names by default): Samenvatting, Verwerkingsregister (GDPR art. 30(1) a–g per
category, from the policy), Inventaris, Verwijderingen, Verzoeken, Bevindingen, Cookies,
Verwerkers, Importlog, Auditlog. Each has a title row with the as-of date, a frozen header
with an autofilter, real dates, and overdue rows highlighted (see compliance.spreadsheet).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from compliance import store
from compliance.figures import TREND_SERIES, WeekFigures, trend, week_figures
from compliance.i18n import STRINGS, label, t
from compliance.policy import Policy
from compliance.report import Snapshot, build_snapshot, deletion_reason
from compliance.requests import request_type
from compliance.samples import SAMPLE_ACTOR
from compliance.spreadsheet import Book, Column, Table
from compliance.store import review as review_store
from compliance.workdays import WorkCalendar

EEA = {
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "IS",
    "LI",
    "NO",
}


@dataclass(frozen=True)
class Context:
    db: Path
    policy: Policy
    snap: Snapshot
    lang: str
    generated_at: datetime

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    @cached_property
    def figures(self) -> WeekFigures:
        """The week's figures, counted as the Overzicht counts them."""
        return week_figures(self.snap, WorkCalendar.from_policy(self.policy.calendar))

    def title(self, sheet_key: str) -> str:
        return self.t(
            "audit.title",
            sheet=self.t(sheet_key),
            as_of=self.snap.as_of.isoformat(),
            org=self.policy.controller.name,
        )

    def category(self, cid: str) -> str:
        cat = self.policy.categories.get(cid)
        return label(cat, "label", self.lang) if cat else cid

    def system(self, sid: str) -> str:
        system = self.policy.systems.get(sid)
        return system.label if system else sid

    def status(self, code: str) -> str:
        return self.t(f"status.{code}")


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return df.to_dict("records")


# ------------------------------------------------------------------------- sheets
def _summary(book: Book, c: Context) -> None:
    """The Overzicht's figures (compliance.figures: the same counting), then the trend."""
    f = c.figures
    imports = store.imports(c.db)
    sign_off = _last_sign_off(c)
    rows = [
        (
            c.t("audit.summary.controller"),
            f"{c.policy.controller.name}, {c.policy.controller.address}",
        ),
        (c.t("audit.summary.as_of"), c.snap.as_of),
        (c.t("audit.summary.generated_at"), c.generated_at),
        (c.t("status.client"), f.clients),
        (c.t("status.former_client"), f.former_clients),
        (c.t("status.prospect"), f.prospects),
        (c.t("audit.summary.attention"), f.attention),
        (c.t("audit.summary.overdue"), f.overdue_deletions),
        (c.t("audit.summary.due_soon"), f.due_soon_deletions),
        (c.t("audit.summary.requests_open"), f.open_requests),
        (c.t("audit.summary.requests_urgent"), f.urgent_requests),
        (c.t("audit.summary.requests_overdue"), f.late_requests),
        (c.t("audit.summary.findings_other"), f.other_groups),
        *(
            (c.t("audit.summary.findings", severity=c.t(f"severity.{sev}")), n)
            for sev, n in f.other_by_severity.items()
        ),
        (c.t("audit.summary.finding_items"), f.other_items),
        (
            c.t("audit.summary.last_import"),
            imports["finished_at"].max() if len(imports) else c.t("audit.none"),
        ),
        (c.t("audit.summary.last_sign_off"), sign_off),
    ]
    cols = [Column(c.t("audit.col.item"), 42), Column(c.t("audit.col.value"), 48)]
    # Below it the trend, as the Overzicht draws it: open items at each sign-off and now.
    series = trend(review_store.sign_offs(c.db), f, c.snap.as_of)
    trend_rows = [
        (
            c.t("audit.trend.now")
            if pd.isna(row.signed)
            else c.t("audit.trend.signed", when=row.signed),
            row.as_of,
            *(None if pd.isna(v) else int(v) for v in (getattr(row, k) for k in TREND_SERIES)),
        )
        for row in series.itertuples()
    ]
    trend_cols = [
        Column(c.t("audit.trend.moment"), 30),
        Column(c.t("audit.summary.as_of"), 13, "date"),
        *(Column(c.t(f"trend.{k}"), 22, "number") for k in TREND_SERIES),
    ]
    below = Table(c.t("audit.trend.title"), trend_cols, trend_rows)
    book.sheet(c.t("audit.sheet.summary"), c.title("audit.sheet.summary"), cols, rows,
               below=below)  # fmt: skip


def _last_sign_off(c: Context) -> str:
    """The latest sign-off from the audit log, or 'none yet'."""
    log = store.audit_log(c.db)
    signed = log[log["action"] == "sign_off"]
    if signed.empty:
        return c.t("audit.none")
    row = signed.iloc[0]
    return f"{row['at']:%Y-%m-%d %H:%M} · {row['actor']}"


def _register(book: Book, c: Context) -> None:
    """GDPR art. 30(1) a–g, one row per category of the statement."""
    ctl = c.policy.controller
    controller = f"{ctl.name}, {ctl.address}, KvK {ctl.kvk}, {ctl.email}, {ctl.phone}"
    measures = " ".join(ctl.security_measures_en if c.lang == "en" else ctl.security_measures_nl)
    rows = []
    for cat in c.policy.categories.values():
        systems = [c.policy.systems[s] for s in cat.systems]
        outside = sorted({s.country for s in systems} - EEA)
        rows.append(
            (
                c.category(cat.id),
                controller,
                label(cat, "purpose", c.lang),
                ", ".join(c.t(f"audit.subjects.{s}") for s in cat.data_subjects),
                label(cat, "description", c.lang),
                "; ".join(f"{s.processor} ({s.label})" for s in systems),
                ", ".join(outside) if outside else c.t("audit.no_transfers"),
                label(cat, "retention", c.lang)
                + (
                    f" {c.t('audit.interpretation')}: {label(cat, 'interpretation', c.lang)}"
                    if cat.interpretation_nl
                    else ""
                ),
                measures,
            )
        )
    cols = [
        Column(c.t(f"audit.register.{k}"), w)
        for k, w in (
            ("category", 24),
            ("a", 30),
            ("b", 30),
            ("c_subjects", 24),
            ("c_data", 36),
            ("d", 40),
            ("e", 18),
            ("f", 50),
            ("g", 60),
        )
    ]
    book.sheet(c.t("audit.sheet.register"), c.title("audit.sheet.register"), cols, rows)


def _inventory(book: Book, c: Context) -> None:
    rows = [
        (c.category(r["category"]), c.system(r["source"]), r["subjects"], r["records"])
        for r in _rows(c.snap.inventory)
    ]
    cols = [
        Column(c.t("audit.col.category"), 34),
        Column(c.t("audit.col.system"), 24),
        Column(c.t("audit.col.subjects"), 14, "number"),
        Column(c.t("audit.col.records"), 14, "number"),
    ]
    book.sheet(c.t("audit.sheet.inventory"), c.title("audit.sheet.inventory"), cols, rows)


def _deletions(book: Book, c: Context) -> None:
    d = c.snap.deletions.sort_values(["days_overdue", "due"], ascending=[False, True])
    rows, marks = [], []
    for r in _rows(d):
        rows.append(
            (
                r["subject_id"],
                r["name"],
                c.category(r["category"]),
                c.system(r["source"]),
                r["due"],
                c.status(r["status"]),
                r["days_overdue"],
                deletion_reason(r, c.lang),
                r["deleted_on"],
            )
        )
        marks.append(r["status"] == "overdue")
    cols = [
        Column(c.t("audit.col.subject_id"), 10, "number"),
        Column(c.t("audit.col.name"), 30),
        Column(c.t("audit.col.category"), 30),
        Column(c.t("audit.col.system"), 20),
        Column(c.t("audit.col.due"), 13, "date"),
        Column(c.t("audit.col.status"), 13),
        Column(c.t("audit.col.days_overdue"), 12, "number"),
        Column(c.t("audit.col.reason"), 46),
        Column(c.t("audit.col.deleted_on"), 14, "date"),
    ]
    book.sheet(c.t("audit.sheet.deletions"), c.title("audit.sheet.deletions"), cols, rows, marks)


def _requests(book: Book, c: Context) -> None:
    rows, marks = [], []
    for r in _rows(c.snap.requests):
        rtype = label(request_type(c.policy, r["type"], r.get("candidates")), "label", c.lang)
        rows.append(
            (
                r["id"],
                rtype,
                r["subject_name"] or r["name"],
                r["email"],
                c.t(f"audit.channel.{r['channel']}"),
                r["received_on"],
                r["respond_by"],
                r["answered_on"],
                c.status(r["status"]),
            )
        )
        marks.append(r["status"] == "overdue")
    cols = [
        Column(c.t("audit.col.request_id"), 8, "number"),
        Column(c.t("audit.col.type"), 26),
        Column(c.t("audit.col.name"), 28),
        Column(c.t("audit.col.email"), 30),
        Column(c.t("audit.col.channel"), 10),
        Column(c.t("audit.col.received_on"), 13, "date"),
        Column(c.t("audit.col.respond_by"), 13, "date"),
        Column(c.t("audit.col.answered_on"), 13, "date"),
        Column(c.t("audit.col.status"), 12),
    ]
    book.sheet(c.t("audit.sheet.requests"), c.title("audit.sheet.requests"), cols, rows, marks)


def _findings(
    book: Book,
    c: Context,
    codes: Callable[[str], bool] | None = None,
    sheet: str = "audit.sheet.findings",
) -> None:
    """Every finding, grouped per person and kind as on the Overzicht (worst first): the
    group's number, severity and line on each of its items' rows, so a filter on the group
    keeps its items."""
    names = dict(zip(c.snap.subjects["id"], c.snap.subjects["name"], strict=True))
    findings = c.snap.findings
    rows, marks = [], []
    for number, group in enumerate(c.figures.groups, start=1):
        if codes is not None and not codes(group.code):
            continue
        title = group.title(findings, c.lang)
        name = names.get(group.subject_id, "") if group.subject_id is not None else ""
        for i in group.items:
            item = findings[i].message(c.lang) if group.size > 1 else ""
            rows.append((number, c.t(f"severity.{group.severity}"), name, title, group.size, item))
            marks.append(group.severity == "high")
    cols = [
        Column(c.t("audit.col.group"), 8, "number"),
        Column(c.t("audit.col.severity"), 10),
        Column(c.t("audit.col.name"), 28),
        Column(c.t("audit.col.message"), 70),
        Column(c.t("audit.col.items"), 8, "number"),
        Column(c.t("audit.col.item_text"), 70),
    ]
    book.sheet(c.t(sheet), c.title(sheet), cols, rows, marks)


def _cookies(book: Book, c: Context) -> None:
    """The checklist (AP steps and the statement's promises, pass/fail/unknown with the date
    of the evidence), then every cookie and tracker seen, with its lifetime."""
    from compliance.cookies import review_website

    review = review_website(_rows(store.website_observations(c.db)), c.policy, c.snap.as_of)
    rows, marks = [], []
    for check in review.checks:
        ev = check.evidence
        rows.append(
            (
                c.t("audit.cookies.check"),
                c.t(f"check.{check.id}"),
                "",
                None,
                c.t(f"check.{check.status}"),
                check.detail.get(c.lang, ""),
                ev.file_name if ev else c.t("audit.cookies.policy"),
                ev.observed_on if ev else None,
            )
        )
        marks.append(check.status != "pass")
    limit = c.policy.cookies.max_lifetime_days
    for k in review.cookies:
        verdict = (
            "audit.cookies.too_long"
            if k.too_long
            else "audit.cookies.session"
            if k.session
            else "audit.cookies.ok"
            if k.known
            else "audit.cookies.unknown"
        )
        rows.append(
            (
                c.t("audit.cookies.cookie"),
                k.name,
                k.domain,
                k.days,
                c.t(verdict, days=limit),
                k.detail,
                k.evidence.file_name,
                k.evidence.observed_on,
            )
        )
        marks.append(k.too_long or not k.declared)
    for tr in review.trackers:
        rows.append(
            (
                c.t("audit.cookies.tracker"),
                tr.host,
                tr.service,
                None,
                c.t("audit.cookies.declared" if tr.declared else "audit.cookies.undeclared"),
                tr.detail,
                tr.evidence.file_name,
                tr.evidence.observed_on,
            )
        )
        marks.append(not tr.declared)
    cols = [
        Column(c.t("audit.col.kind"), 12),
        Column(c.t("audit.col.name"), 34),
        Column(c.t("audit.cookies.domain"), 26),
        Column(c.t("audit.cookies.days"), 10, "number"),
        Column(c.t("audit.col.status"), 22),
        Column(c.t("audit.col.detail"), 60),
        Column(c.t("audit.cookies.evidence"), 30),
        Column(c.t("audit.cookies.evidence_date"), 14, "date"),
    ]
    book.sheet(c.t("audit.sheet.cookies"), c.title("audit.sheet.cookies"), cols, rows, marks)


def _processors(book: Book, c: Context) -> None:
    rows = [
        (
            s.label,
            s.processor,
            s.country,
            label(s, "purpose", c.lang),
            c.t(f"audit.agreement.{s.agreement_on_file}"),
        )
        for s in c.policy.systems.values()
    ]
    cols = [
        Column(c.t("audit.col.system"), 28),
        Column(c.t("audit.col.processor"), 34),
        Column(c.t("audit.col.country"), 8),
        Column(c.t("audit.col.purpose"), 40),
        Column(c.t("audit.col.agreement"), 22),
    ]
    marks = [s.agreement_on_file in ("no", "unknown") for s in c.policy.systems.values()]
    book.sheet(c.t("audit.sheet.processors"), c.title("audit.sheet.processors"), cols, rows, marks)


def _import_log(book: Book, c: Context) -> None:
    rows = [
        (
            r["id"],
            r["finished_at"],
            c.system(r["source"]),
            r["kind"],
            r["file_name"],
            r["sha256"],
            r["rows_read"],
            r["rows_new"],
            r["rows_changed"],
            r["rows_unchanged"],
            r["status"],
            r["actor"],
        )
        for r in _rows(store.imports(c.db))
    ]
    cols = [
        Column(c.t("audit.col.import_id"), 8, "number"),
        Column(c.t("audit.col.when"), 17, "datetime"),
        Column(c.t("audit.col.system"), 18),
        Column(c.t("audit.col.kind"), 12),
        Column(c.t("audit.col.file"), 32),
        Column("SHA-256", 20),
        Column(c.t("audit.col.rows_read"), 10, "number"),
        Column(c.t("audit.col.rows_new"), 10, "number"),
        Column(c.t("audit.col.rows_changed"), 10, "number"),
        Column(c.t("audit.col.rows_unchanged"), 10, "number"),
        Column(c.t("audit.col.status"), 12),
        Column(c.t("audit.col.actor"), 14),
    ]
    book.sheet(c.t("audit.sheet.imports"), c.title("audit.sheet.imports"), cols, rows)


def _action(c: Context, action: str) -> str:
    key = f"audit.action.{action}"
    return c.t(key) if key in STRINGS else c.t("audit.action.other")


def _detail(c: Context, raw: str | None) -> str:
    """The stored details in words, "Peildatum: 2026-11-18 · Bestand: x.csv", not JSON."""
    try:
        detail = json.loads(raw) if raw else {}
    except ValueError:
        return ""
    if not isinstance(detail, dict):
        return ""
    parts = []
    for key, value in detail.items():
        if value is None or value == "" or key in HIDDEN_DETAILS:
            continue
        name = f"audit.detail.{key}"
        words = c.t(name) if name in STRINGS else key.replace("_", " ")
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        elif key == "type" and value in c.policy.request_types:
            value = label(c.policy.request_types[value], "label", c.lang)
        elif key == "source":
            value = c.system(str(value))
        parts.append(f"{words}: {value}")
    return " · ".join(parts)


# Kept in the log for whoever investigates; no meaning for a reader of the workbook.
HIDDEN_DETAILS = frozenset({"sha256"})


def _audit_log(book: Book, c: Context) -> None:
    rows = [
        (
            r["id"],
            r["at"],
            c.t("audit.actor.samples") if r["actor"] == SAMPLE_ACTOR else r["actor"],
            _action(c, r["action"]),
            _detail(c, r["detail"]),
        )
        for r in _rows(store.audit_log(c.db, limit=None))
    ]
    cols = [
        Column("#", 8, "number"),
        Column(c.t("audit.col.when"), 17, "datetime"),
        Column(c.t("audit.col.actor"), 14),
        Column(c.t("audit.col.action"), 20),
        Column(c.t("audit.col.detail"), 100),
    ]
    book.sheet(c.t("audit.sheet.audit"), c.title("audit.sheet.audit"), cols, rows)


SHEETS: tuple[Callable[[Book, Context], None], ...] = (
    _summary,
    _register,
    _inventory,
    _deletions,
    _requests,
    _findings,
    _cookies,
    _processors,
    _import_log,
    _audit_log,
)


def build_workbook(
    db: Path | str,
    policy: Policy,
    as_of: date,
    lang: str = "nl",
    generated_at: datetime | None = None,
    snap: Snapshot | None = None,
) -> Book:
    """Every sheet, in order; `generated_at` is stamped on the summary."""
    c = Context(
        Path(db),
        policy,
        snap or build_snapshot(db, policy, as_of),
        lang,
        generated_at or datetime.now(),
    )
    book = Book(overflow=lambda n: t("audit.overflow", lang, n=n))
    for sheet in SHEETS:
        sheet(book, c)
    return book


def workbook_bytes(db: Path | str, policy: Policy, as_of: date, lang: str, actor: str) -> bytes:
    """The workbook as bytes (for a download), its export noted in the audit log."""
    data = build_workbook(db, policy, as_of, lang).to_bytes()
    store.log_event(
        db, actor, "audit_export", {"as_of": as_of.isoformat(), "lang": lang}, datetime.now()
    )
    return data


def file_name(as_of: date, lang: str) -> str:
    return f"{t('audit.file_stem', lang)}-{as_of.isoformat()}.xlsx"
