"""How ids, dates and statuses look on screen: words from the catalog, calm colours,
the tables more than one page shows, and CSV that Excel opens safely.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from compliance.figures import FindingGroup
from compliance.findings import Finding
from compliance.i18n import STRINGS
from compliance.i18n import label as policy_label
from compliance.i18n import plural as i18n_plural
from compliance.samples import SAMPLE_ACTOR
from compliance.ui.frame import Settings
from compliance.visible import visible


# ------------------------------------------------------------------------- words for ids
def category_label(s: Settings, category: str) -> str:
    cat = s.policy.categories.get(category)
    return policy_label(cat, "label", s.lang) if cat else category


def source_label(s: Settings, source: str) -> str:
    system = s.policy.systems.get(source)
    return system.label if system else source


def status_label(s: Settings, status: str) -> str:
    return s.t(f"status.{status}")


def request_type_label(s: Settings, request_type: str) -> str:
    """The policy's label of a request type; 'unclear' is "Te beoordelen (mogelijk verzoek)"."""
    from compliance.policy import UNCLEAR
    from compliance.requests import request_type as policy_type

    if request_type != UNCLEAR and request_type not in s.policy.request_types:
        return request_type
    return policy_label(policy_type(s.policy, request_type), "label", s.lang)


def fields_text(s: Settings, fields: Iterable[str] | None) -> str:
    """Field ids as words ("adres, telefoon, IBAN"): the names, never the values."""
    names = [s.t(f"field.{f}") if f"field.{f}" in STRINGS else f for f in listed(fields)]
    return ", ".join(names)


def listed(values: Iterable[str] | None) -> list[str]:
    """A DuckDB list column arrives as a numpy array, or None: a plain list either way."""
    return [] if values is None else [str(v) for v in values]


def md_escape(text: object) -> str:
    """Plain text inside st.markdown: names with * or _ must not turn into formatting, nor
    a line break or a right-to-left override change what the line shows."""
    out = visible(str(text))
    for ch in "\\`*_[]<>#|~$":
        out = out.replace(ch, "\\" + ch)
    return out


def kind_label(s: Settings, kind: str) -> str:
    return s.t(f"kind.{kind}") if f"kind.{kind}" in STRINGS else kind


def fmt_date(value: object, missing: str = "—") -> str:
    """A date as 2026-11-25, or a dash when unknown."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return missing
    if isinstance(value, pd.Timestamp):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else str(value)


def plural(s: Settings, key: str, n: int, **params: object) -> str:
    """compliance.i18n.plural in the page's language."""
    return i18n_plural(key, s.lang, n, **params)


# ------------------------------------------------------------------------- shared tables
def requests_table(s: Settings, req: pd.DataFrame) -> pd.DataFrame:
    """Requests (Snapshot.requests rows) with Dutch/English headers and words."""
    return pd.DataFrame(
        {
            s.t("col.request_id"): req["id"],
            s.t("col.request_type"): [request_type_label(s, v) for v in req["type"]],
            s.t("col.from"): req["subject_name"].fillna(req["name"]).fillna(req["email"]),
            s.t("col.received_on"): [fmt_date(v, "") for v in req["received_on"]],
            s.t("col.respond_by"): [fmt_date(v, "") for v in req["respond_by"]],
            s.t("col.answered_on"): [fmt_date(v, "") for v in req["answered_on"]],
            s.t("col.status"): [status_label(s, v) for v in req["status"]],
        }
    )


def imports_table(s: Settings, df: pd.DataFrame, full: bool = False) -> pd.DataFrame:
    """store.imports() rows for reading: the system's name, the file, when; counts if full."""
    out = {
        s.t("col.system"): [source_label(s, v) for v in df["source"]],
        s.t("col.kind"): [kind_label(s, v) for v in df["kind"]],
        s.t("col.file"): df["file_name"],
        s.t("col.imported_at"): df["finished_at"],
    }
    if full:
        for col in HISTORY_COUNTS:
            out[s.t(f"col.{col}")] = df[col]
        out[s.t("col.import_status")] = [s.t(f"import.status.{v}") for v in df["status"]]
    return pd.DataFrame(out)


# The page's import history shows what fits its width; "unchanged" is what is left of the
# rows read (the CSV download of the history has it, and the file's fingerprint).
HISTORY_COUNTS = ("rows_read", "rows_new", "rows_changed", "rows_skipped")
HISTORY_WIDTHS = {
    "col.system": 160, "col.kind": 105, "col.file": 180, "col.imported_at": 122,
    "col.rows_read": 52, "col.rows_new": 52, "col.rows_changed": 68, "col.rows_skipped": 80,
    "col.import_status": 90,
}  # fmt: skip


def history_download(s: Settings, df: pd.DataFrame) -> pd.DataFrame:
    """Every column of the import history, for the CSV download."""
    out = imports_table(s, df, full=True)
    at = out.columns.get_loc(s.t("col.rows_skipped"))  # between changed and skipped
    out.insert(at, s.t("col.rows_unchanged"), df["rows_unchanged"].to_numpy())
    out[s.t("col.actor")] = [
        s.t("audit.actor.samples") if a == SAMPLE_ACTOR else a for a in df["actor"]
    ]
    # The first characters of the file's fingerprint: enough to tell two files apart.
    out[s.t("col.fingerprint")] = [v[:12] + "…" for v in df["sha256"]]
    return out


# ------------------------------------------------------------------------- colours
# Soft background, dark text of the same hue: calm, still readable when printed grey.
STATUS_COLOURS = {
    "overdue": ("#fde8e8", "#9b1c1c"),
    "due_soon": ("#fff3d6", "#7a4b00"),
    "scheduled": ("#eef0f3", "#3f4650"),
    "deleted": ("#e3f4e8", "#1d6b3a"),
    "answered": ("#e3f4e8", "#1d6b3a"),
    "open": ("#eef0f3", "#3f4650"),
    "kept": ("#eef0f3", "#3f4650"),
}
BADGE_COLOURS = {
    "overdue": "red",
    "due_soon": "orange",
    "scheduled": "gray",
    "deleted": "green",
    "answered": "green",
    "open": "blue",
    "high": "red",
    "medium": "orange",
    "low": "gray",
    "client": "blue",
    "former_client": "violet",
    "prospect": "gray",
}


def badge(s: Settings, key: str, text: str | None = None) -> str:
    """Markdown for a coloured badge, e.g. for a severity or a status id."""
    colour = BADGE_COLOURS.get(key, "gray")
    return f":{colour}-badge[{md_escape(text if text is not None else key)}]"


# Accounts of a computer, not of a person: never offered as "who did it".
SYSTEM_ACCOUNTS = frozenset({"root", "admin", "administrator", "administrateur", "user", "system"})


def person_name(account: str) -> str:
    """The operating-system account as a person's name, or "" for a computer's account."""
    return "" if account.strip().lower() in SYSTEM_ACCOUNTS else account


MAX_GROUP_ITEMS = 50  # items folded out under one finding; the workbook has them all


def finding_group(s: Settings, findings: Sequence[Finding], group: FindingGroup) -> None:
    """One group of findings (compliance.figures): its line, the items folded out."""
    line = f"{badge(s, group.severity, s.t(f'severity.{group.severity}'))} " + md_escape(
        group.title(findings, s.lang)
    )
    st.markdown(line)
    if group.size == 1:
        return
    with st.expander(plural(s, "finding_group.items", group.size)):
        shown = group.items[:MAX_GROUP_ITEMS]
        st.markdown("\n".join(f"- {md_escape(findings[i].message(s.lang))}" for i in shown))
        if group.size > len(shown):
            st.caption(s.t("finding_group.more", n=group.size - len(shown)))


def style_status(
    df: pd.DataFrame, s: Settings, column: str, keys: dict[str, str] | None = None
) -> Any:
    """A Styler colouring `column`, which holds translated status labels.

    `keys` maps other displayed words to a STATUS_COLOURS key (default: the status labels).
    """
    keys = keys or {status_label(s, k): k for k in STATUS_COLOURS}
    colours = {shown: STATUS_COLOURS[k] for shown, k in keys.items()}

    def css(value: object) -> str:
        if value not in colours:
            return ""
        bg, fg = colours[value]
        return f"background-color: {bg}; color: {fg}; font-weight: 600"

    return df.style.map(css, subset=[column])


def static_table(
    df: pd.DataFrame,
    s: Settings,
    status: str | None = None,
    keys: dict[str, str] | None = None,
    nowrap: Iterable[str] = (),
    slot: Any = None,
) -> None:
    """st.table for a few rows of long text: it wraps where st.dataframe would cut.

    st.table renders each cell as Markdown, so text from the data is escaped; `nowrap`
    columns (dates) get non-breaking hyphens and spaces so 2026-11-25 stays on one line.
    """
    nowrap = [c for c in nowrap if c in df.columns]

    def cell(value: object, column: str) -> object:
        if not isinstance(value, str):
            return value
        value = md_escape(value)
        if column in nowrap:
            value = value.replace("-", "\u2011").replace(" ", "\u00a0")
        return value

    shown = df.copy()
    for col in shown.columns:
        shown[col] = [cell(v, col) for v in df[col]]
    if status is not None:
        keys = keys or {status_label(s, k): k for k in STATUS_COLOURS}
        shown = style_status(shown, s, status, {cell(k, status): v for k, v in keys.items()})
    (slot or st).table(shown, hide_index=True)


# ------------------------------------------------------------------------- exports
# csv_safe and csv_bytes live in compliance.spreadsheet, shared with the Excel workbooks.
