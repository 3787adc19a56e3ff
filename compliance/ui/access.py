"""The Toegang page's views: who still has access, the most urgent first, and what waits
to be linked. Every text from the catalog; never a secret (the store holds none)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from compliance import store
from compliance.access import access_overview, describe
from compliance.report import Snapshot
from compliance.ui.display import fmt_date, md_escape, plural, source_label, status_label
from compliance.ui.frame import Settings, guarded

# Colours of the "what now" column (keys of display.STATUS_COLOURS).
STATE_COLOURS = {
    "remove_now": "overdue",
    "remove_soon": "due_soon",
    "prospect": "due_soon",
    "unlinked": "open",
    "kept": "kept",
    "own": "kept",
    "gone": "deleted",
}
SHOWN_ALWAYS = ("remove_now", "remove_soon", "prospect", "unlinked", "kept")


@st.cache_data(show_spinner=False, max_entries=16)
def _entries(db: str, change: int) -> pd.DataFrame:
    return store.access_entries(db)


def access_frame(s: Settings, snap: Snapshot) -> pd.DataFrame:
    """Every access entry with subject, status, due date and state (see access_overview)."""
    entries = guarded(s, _entries, str(s.db), s.change)
    return access_overview(entries, snap.subjects, snap.deletions)


def kind_word(s: Settings, row: dict[str, Any]) -> str:
    if row["category"] == "ip_address":
        return s.t("toegang.category.ip_address")
    return s.t(
        "toegang.category.licence" if row["source"] == "dsd" else "toegang.category.credentials"
    )


def system_text(s: Settings, row: dict[str, Any]) -> str:
    """'ictr-vps2 – Kapsalon Testknip (TransIP (cloudservers))'."""
    system = row["system"]
    label = _text(row.get("system_label"))
    if label and label != system:
        system = f"{system} – {label}"
    return s.t("toegang.system_on", system=system, source=source_label(s, row["source"]))


def entry_label(s: Settings, row: dict[str, Any]) -> str:
    """One line that identifies an entry in a select box."""
    parts = dict.fromkeys(str(p) for p in (row["system"], row["item"], row["holder"]) if p)
    return " · ".join(parts) + f" ({source_label(s, row['source'])})"


def people_with(df: pd.DataFrame, state: str) -> list[tuple[Any, pd.DataFrame]]:
    part = df[df["state"] == state]
    return [(sid, group) for sid, group in part.groupby("subject_id", sort=False)]


def counts_text(s: Settings, group: pd.DataFrame) -> str:
    ips = int((group["category"] == "ip_address").sum())
    rest = len(group) - ips
    parts = []
    if ips:
        parts.append(plural(s, "toegang.n_ips", ips))
    if rest:
        parts.append(plural(s, "toegang.n_credentials", rest))
    return ", ".join(parts)


def urgent_lines(s: Settings, df: pd.DataFrame, state: str) -> list[str]:
    """Markdown bullets per subject (name, since when, by when), one sub-bullet per entry."""
    lines = []
    for _sid, group in people_with(df, state):
        first = group.iloc[0]
        name = md_escape(first["name"])
        if state == "prospect":
            lines.append("- " + s.t("toegang.prospect_line", name=name))
        else:
            end, due = fmt_date(first["end_of_cooperation"]), fmt_date(first["due"])
            key = "toegang.former_line" if state == "remove_now" else "toegang.soon_line"
            lines.append("- " + s.t(key, name=name, end=end, due=due))
        lines.extend(f"    - {_md_entry(s, r)}" for r in group.to_dict("records"))
    return lines


def _md_entry(s: Settings, row: dict[str, Any]) -> str:
    """describe() as Markdown: names escaped, the address or login as code (no mail link)."""
    holder = str(row["holder"]).replace("`", "'")
    shown = {
        **row,
        "item": md_escape(row["item"]),
        "system": md_escape(row["system"]),
        "holder": f"`{holder}`" if holder else "",
    }
    return describe(shown, s.lang)


def since(row: dict[str, Any]) -> Any:
    """The earliest date the entry is known to exist: first import, or the export's own date
    (a licence's order date, a vault item's last change) when that is earlier."""
    dates = [d for d in (row.get("first_seen"), row.get("seen_on")) if not _missing(d)]
    return min(pd.Timestamp(d).date() for d in dates) if dates else None


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def _text(value: Any) -> str:
    """A cell as text; pandas' missing values (None, NaN) as an empty string."""
    return value if isinstance(value, str) else ""


def filtered(
    df: pd.DataFrame,
    categories: Iterable[str],
    system: str | None,
    search: str,
    show_all: bool,
) -> pd.DataFrame:
    out = df[df["category"].isin(list(categories))]
    if not show_all:
        out = out[out["state"].isin(SHOWN_ALWAYS)]
    if system:
        out = out[out["system"] == system]
    needle = search.strip().lower()
    if needle:
        text = (
            out["name"].fillna("")
            + " "
            + out["system"]
            + " "
            + out["system_label"].fillna("")
            + " "
            + out["item"]
            + " "
            + out["holder"]
        ).str.lower()
        out = out[text.str.contains(needle, regex=False)]
    return out


def linked_by_text(s: Settings, row: dict[str, Any]) -> str:
    how = _text(row.get("linked_by")) or "none"
    return s.t(f"toegang.linked_by.{how}")


# Columns of the page's table (compact) and of the CSV download (everything).
# On the page the columns must fit its width (a cut-off column hides what to remove): the
# CSV download has every column, "linked by" among them.
# Pixel widths that together fit the page at 1400 px wide; a longer cell shows all on hover.
PAGE_WIDTHS = {
    "toegang.col.subject": 140, "toegang.col.state": 132, "toegang.col.kind": 100,
    "toegang.col.system": 104, "toegang.col.holder": 128, "toegang.col.item": 140,
    "toegang.col.due": 80, "toegang.col.since": 80,
}  # fmt: skip
PAGE_COLUMNS = tuple(PAGE_WIDTHS)  # in this order
CSV_COLUMNS = (
    "toegang.col.subject", "col.status", "toegang.col.state", "toegang.col.kind",
    "toegang.col.system", "toegang.col.item", "toegang.col.holder", "toegang.col.due",
    "toegang.col.since", "toegang.col.linked_by",
)  # fmt: skip


def access_table(s: Settings, df: pd.DataFrame, full: bool = False) -> pd.DataFrame:
    """The list as the owner reads it: words, never ids. `full`: every column, with the
    system's description and the source spelled out (the CSV download)."""
    rows = df.to_dict("records")
    columns = {
        "toegang.col.subject": [_text(r["name"]) or "—" for r in rows],
        "col.status": [status_label(s, r["status"]) if _text(r["status"]) else "" for r in rows],
        "toegang.col.state": [s.t(f"toegang.state.{r['state']}") for r in rows],
        "toegang.col.kind": [kind_word(s, r) for r in rows],
        "toegang.col.system": [system_text(s, r) if full else r["system"] for r in rows],
        "toegang.col.item": [r["item"] for r in rows],
        "toegang.col.holder": [r["holder"] for r in rows],
        "toegang.col.due": [
            fmt_date(r["deleted_on"] if r["state"] == "gone" else r["due"], "") for r in rows
        ],
        "toegang.col.since": [fmt_date(since(r)) for r in rows],
        "toegang.col.linked_by": [linked_by_text(s, r) for r in rows],
    }
    keys = CSV_COLUMNS if full else PAGE_COLUMNS
    return pd.DataFrame({s.t(k): columns[k] for k in keys}, columns=[s.t(k) for k in keys])


def page_column_config(s: Settings) -> dict[str, Any]:
    return {s.t(k): st.column_config.TextColumn(width=w) for k, w in PAGE_WIDTHS.items()}


def state_colour_keys(s: Settings) -> dict[str, str]:
    return {s.t(f"toegang.state.{k}"): v for k, v in STATE_COLOURS.items()}


def subject_options(snap: Snapshot) -> tuple[list[int], dict[int, str]]:
    """Subject ids sorted by name, with 'Name · KvK … · status' labels (-1: own access)."""
    subjects = snap.subjects.sort_values("name", key=lambda c: c.str.lower())
    labels = {}
    for row in subjects.to_dict("records"):
        parts = [row["name"]]
        if row["kvk"]:
            parts.append(f"KvK {row['kvk']}")
        labels[int(row["id"])] = " · ".join(parts)
    return [-1, *labels], labels


def subject_word(s: Settings, subject_id: int, labels: dict[int, str], snap: Snapshot) -> str:
    if subject_id == -1:
        return s.t("toegang.link_own")
    status = snap.subjects.set_index("id")["status"].get(subject_id)
    label = labels.get(subject_id, str(subject_id))
    return f"{label} ({status_label(s, status)})" if status else label


def file_name(s: Settings) -> str:
    return f"{s.t('toegang.file_prefix')}-{s.as_of.isoformat()}.csv"
