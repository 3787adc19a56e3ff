"""The Cookies & analytics page: the promise beside what was observed, the checklist, the
cookie lifetimes against the one-month line, the Google Analytics form and the history.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from compliance import store
from compliance.cookies import Review, Step, history, review_website
from compliance.cookies_checklist import Check, Evidence
from compliance.i18n import STRINGS
from compliance.i18n import label as policy_label
from compliance.store.website import FORM_SETTINGS
from compliance.ui.display import fmt_date, md_escape
from compliance.ui.frame import Settings, guarded, today
from etl.model import ParsedExport

# Checklist statuses shown with the colours of display.STATUS_COLOURS.
STATUS_KEYS = {"pass": "deleted", "fail": "overdue", "unknown": "due_soon"}
DAY = 86_400
# The form's questions, in the order of Google Analytics' own Admin screens.
FORM_ORDER = (
    "ga.processing_terms", "ga.sharing_products", "ga.sharing_benchmarking",
    "ga.sharing_support", "ga.sharing_sales", "ga.google_signals", "ga.ad_personalization",
    "ga.user_id", "ga.data_retention",
)  # fmt: skip


# ------------------------------------------------------------------------- loading
@st.cache_data(show_spinner=False, max_entries=16)
def _observations(db: str, change: int) -> list[dict[str, Any]]:
    return store.website_observations(db).to_dict("records")


def observations(s: Settings) -> list[dict[str, Any]]:
    return guarded(s, _observations, str(s.db), s.change)


def website_review(s: Settings) -> Review:
    return review_website(observations(s), s.policy, s.as_of)


def website_history(s: Settings) -> list[Step]:
    return history(observations(s), s.policy, s.as_of)


# ------------------------------------------------------------------------- words
def value_label(s: Settings, name: str, value: str) -> str:
    """A setting's value in words: 'aan', '14 maanden', a number of seconds as it is."""
    for key in (f"value.{value}", f"retention.{value}"):
        if key in STRINGS:
            return s.t(key)
    return value


def setting_label(s: Settings, name: str) -> str:
    return s.t(f"setting.{name}") if f"setting.{name}" in STRINGS else name


def yes_no(s: Settings, flag: bool) -> str:
    return s.t("value.yes" if flag else "value.no")


def service_label(s: Settings, service: str) -> str:
    return s.t(f"service.{service}") if f"service.{service}" in STRINGS else service


def shown_host(host: str) -> str:
    """A host name for a Markdown table: a word joiner keeps "www." from becoming a link."""
    return host.replace("www.", "www\u2060.")


def evidence_text(s: Settings, evidence: Evidence | None) -> str:
    """'file · date', the date kept on one line (non-breaking hyphens)."""
    if evidence is None:
        return "data/policy.toml"
    return (
        f"{evidence_name(s, evidence)} · {fmt_date(evidence.observed_on).replace('-', chr(0x2011))}"
    )


def evidence_name(s: Settings, evidence: Evidence) -> str:
    """The file's name, or 'formulier' for settings entered on the page."""
    return s.t("kind.ga_form") if evidence.kind == "ga_form" else evidence.file_name


def lifetime_text(s: Settings, seconds: int | None, session: bool) -> str:
    if session:
        return s.t("cookies.session")
    if seconds is None:
        return s.t("check.unknown")
    if seconds < DAY:
        return s.t("cookies.hours", n=max(1, round(seconds / 3600)))
    return s.t("cookies.days", n=round(seconds / DAY))


# ------------------------------------------------------------------------- the two columns
def promise_lines(s: Settings) -> list[str]:
    """The statement's cookie promise as short Markdown lines (from data/policy.toml)."""
    p = s.policy.cookies
    cat = s.policy.categories["cookies"]
    fields = ", ".join(s.t(f"webfield.{f}") for f in p.collected_fields)
    return [
        s.t("cookies.promise_lifetime", days=p.max_lifetime_days),
        s.t("cookies.promise_purpose", purpose=policy_label(cat, "purpose", s.lang)),
        s.t("cookies.promise_fields", fields=fields),
        s.t("cookies.promise_declared", cookies=", ".join(f"`{c}`" for c in p.declared_cookies),
            hosts=", ".join(f"`{h}`" for h in p.declared_hosts)),
        s.t("cookies.promise_retention"),
    ]  # fmt: skip


def observed_lines(s: Settings, review: Review) -> list[str]:
    """What the newest evidence shows, in the same order as the promise."""
    if not review.evidence:
        return [s.t("cookies.observed_nothing")]
    timed = [c for c in review.cookies if c.lifetime_seconds is not None]
    longest = max(timed, key=lambda c: c.lifetime_seconds or 0, default=None)
    undeclared = [c.name for c in review.cookies if not c.declared]
    undeclared += [t.host for t in review.trackers if not t.declared]
    fields = ", ".join(s.t(f"webfield.{f.name}") for f in review.fields) or "—"
    retention = review.settings.get("ga.data_retention")
    tags = ", ".join(f"`{t.name}`" for t in review.tags) or "—"
    return [
        s.t("cookies.observed_lifetime", n=len(review.cookies),
            longest=f"`{longest.name}` {lifetime_text(s, longest.lifetime_seconds, False)}"
            if longest else "—"),
        s.t("cookies.observed_tags", tags=tags, n=len(review.trackers)),
        s.t("cookies.observed_fields", fields=fields),
        s.t("cookies.observed_undeclared", names=", ".join(f"`{n}`" for n in undeclared))
        if undeclared else s.t("cookies.observed_all_declared"),
        s.t("cookies.observed_retention",
            value=value_label(s, "", retention.value) if retention else s.t("check.unknown")),
    ]  # fmt: skip


def attention_counts(review: Review) -> dict[str, int]:
    counts = {"pass": 0, "fail": 0, "unknown": 0}
    for check in review.checks:
        counts[check.status] += 1
    return counts


# ------------------------------------------------------------------------- tables
def checklist_table(s: Settings, checks: list[Check] | tuple[Check, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            s.t("cookies.col_check"): [s.t(f"check.{c.id}") for c in checks],
            s.t("col.status"): [s.t(f"check.{c.status}") for c in checks],
            s.t("cookies.col_seen"): [c.detail[s.lang] for c in checks],
            s.t("cookies.col_evidence"): [evidence_text(s, c.evidence) for c in checks],
            s.t("cookies.col_todo"): [
                "" if c.status == "pass" else s.t(f"check.{c.id}.todo") for c in checks
            ],
        }
    )


def status_keys(s: Settings) -> dict[str, str]:
    return {s.t(f"check.{k}"): colour for k, colour in STATUS_KEYS.items()}


def cookies_table(s: Settings, review: Review) -> pd.DataFrame:
    limit = s.policy.cookies.max_lifetime_days * DAY
    rows = review.cookies
    return pd.DataFrame(
        {
            s.t("cookies.col_cookie"): [c.name for c in rows],
            s.t("cookies.col_domain"): [shown_host(c.domain) for c in rows],
            s.t("cookies.col_party"): [s.t(f"cookies.party.{c.party}") for c in rows],
            s.t("col.kind"): [s.t(f"cookies.category.{c.category}") for c in rows],
            s.t("cookies.col_lifetime"): [
                lifetime_text(s, c.lifetime_seconds, c.session) for c in rows
            ],
            s.t("col.status"): [
                s.t("check.unknown")
                if not c.known
                else s.t("check.fail")
                if (c.lifetime_seconds or 0) > limit
                else s.t("check.pass")
                for c in rows
            ],
            s.t("cookies.col_declared"): [yes_no(s, c.declared) for c in rows],
            s.t("cookies.col_evidence"): [evidence_text(s, c.evidence) for c in rows],
        }
    )


def trackers_table(s: Settings, review: Review) -> pd.DataFrame:
    rows = review.trackers
    return pd.DataFrame(
        {
            s.t("cookies.col_host"): [shown_host(t.host) for t in rows],
            s.t("cookies.col_service"): [service_label(s, t.service) for t in rows],
            s.t("col.kind"): [s.t(f"cookies.category.{t.category}") for t in rows],
            s.t("cookies.col_declared"): [yes_no(s, t.declared) for t in rows],
            s.t("cookies.col_evidence"): [evidence_text(s, t.evidence) for t in rows],
        }
    )


def lifetime_chart(s: Settings, review: Review) -> go.Figure | None:
    """Cookies with a known lifetime as bars (days, log scale) against the one-month line."""
    timed = [c for c in review.cookies if c.lifetime_seconds]
    if not timed:
        return None
    limit = s.policy.cookies.max_lifetime_days
    timed.sort(key=lambda c: c.lifetime_seconds or 0)
    days = [(c.lifetime_seconds or 0) / DAY for c in timed]
    over = [d > limit for d in days]
    fig = go.Figure(
        go.Bar(
            x=days,
            y=[c.name for c in timed],
            orientation="h",
            marker_color=["#b42318" if o else "#2e7d4f" for o in over],
            text=[lifetime_text(s, c.lifetime_seconds, False) for c in timed],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.add_vline(x=limit, line_dash="dash", line_color="#3f4650", line_width=2)
    # On a log axis an annotation's x is log10 of the value (a shape's is the value itself).
    fig.add_annotation(
        x=math.log10(limit),
        y=1.0,
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=s.t("cookies.chart_line", days=limit),
        font={"color": "#3f4650", "size": 13},
    )
    top = max([*days, limit])
    ticks = [
        (1 / 24, "cookies.tick_hour"),
        (1, "cookies.tick_day"),
        (7, "cookies.tick_week"),
        (limit, ""),
        (365, "cookies.tick_year"),
        (730, "cookies.tick_two_years"),
    ]
    fig.update_xaxes(
        type="log",
        title=s.t("cookies.chart_axis"),
        range=[math.log10(min([*days, 1 / 24]) / 2), math.log10(top * 4)],
        tickvals=[v for v, _ in ticks],
        ticktext=[s.t(k) if k else s.t("cookies.days", n=limit) for _, k in ticks],
        showgrid=True,
    )
    fig.update_layout(
        height=140 + 38 * len(timed),
        margin={"l": 10, "r": 40, "t": 50, "b": 10},
        showlegend=False,
        bargap=0.35,
    )
    return fig


def step_title(s: Settings, step: Step) -> str:
    """'**2026-11-20** · website-ictroermond.har (HAR file of a visit)' in Markdown."""
    files = ", ".join(
        evidence_name(s, e) if e.kind == "ga_form" else f"{e.file_name} ({s.t(f'kind.{e.kind}')})"
        for e in step.evidence
    )
    return f"**{fmt_date(step.on)}** · {md_escape(files)}"


_CHANGE_ORDER = {"check": 0, "cookie": 1, "tracker": 2, "setting": 3}


def change_lines(s: Settings, step: Step) -> list[str]:
    """What one evidence date changed, one Markdown line each: checks first."""
    if step.previous is None:
        return [s.t("cookies.history_first")]
    if not step.changes:
        return [s.t("cookies.history_same")]
    lines = []
    for change in sorted(step.changes, key=lambda c: (_CHANGE_ORDER[c.kind], c.name)):
        what = md_escape(_change_what(s, change.kind, change.name))
        before = md_escape(_change_value(s, change.kind, change.name, change.before))
        after = md_escape(_change_value(s, change.kind, change.name, change.after))
        if not change.before:
            lines.append(s.t("cookies.change_new", what=what, after=after))
        elif not change.after:
            lines.append(s.t("cookies.change_gone", what=what, before=before))
        else:
            lines.append(s.t("cookies.change_from_to", what=what, before=before, after=after))
    return lines


def _change_what(s: Settings, kind: str, name: str) -> str:
    if kind == "check":
        return s.t("cookies.change_check", name=s.t(f"check.{name}"))
    if kind == "setting":
        return s.t("cookies.change_setting", name=setting_label(s, name))
    return s.t(f"cookies.change_{kind}", name=name)


def _change_value(s: Settings, kind: str, name: str, value: str) -> str:
    if not value:
        return "—"
    if kind == "check":
        return s.t(f"check.{value}")
    if kind == "cookie":
        if value == "session":
            return s.t("cookies.session")
        return s.t("cookies.days", n=value.removesuffix("d")) if value.endswith("d") else value
    if kind == "tracker":
        return service_label(s, value)
    return value_label(s, name, value)


# ------------------------------------------------------------------------- import preview
def website_preview(s: Settings, parsed: ParsedExport) -> str:
    """What a website file showed, for the Importeren page (before anything is written)."""
    counts = {k: 0 for k in ("cookie", "tracker", "tag", "setting", "field")}
    for o in parsed.observations:
        if o.kind in counts:
            counts[o.kind] += 1
    when = fmt_date(parsed.observed_on) if parsed.observed_on else s.t("cookies.import_today")
    return s.t(
        "cookies.import_preview",
        system=md_escape(s.policy.systems["website"].label),
        kind=md_escape(s.t(f"kind.{parsed.kind}")),
        date=when,
        cookies=counts["cookie"],
        trackers=counts["tracker"],
        tags=counts["tag"],
        settings=counts["setting"] + counts["field"],
    )


# ------------------------------------------------------------------------- the form
def form_options(name: str) -> list[str]:
    return ["unknown", *FORM_SETTINGS[name]]


def form_defaults(review: Review) -> dict[str, str]:
    """The form starts from what is known now, so saving it again confirms it."""
    found = {}
    for name in FORM_ORDER:
        seen = review.settings.get(name)
        found[name] = (
            seen.value if seen is not None and seen.value in FORM_SETTINGS[name] else ("unknown")
        )
    return found


def chosen_settings(values: Mapping[str, str]) -> dict[str, str]:
    """The form's answers without the 'unknown' ones (those are not evidence)."""
    return {k: v for k, v in values.items() if v != "unknown"}


def default_checked_on(s: Settings) -> date:
    """The as-of date, but never a day in the future."""
    return min(s.as_of, today())
