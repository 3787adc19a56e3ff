"""The numbers the Overzicht opens with, and its one-sentence headline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from compliance.figures import TREND_SERIES, WeekFigures, trend
from compliance.store import review as review_store
from compliance.ui.display import plural
from compliance.ui.frame import (
    Settings,
    guarded,
    imports,
)

TREND_COLOURS = {  # the severity badges' colours: red, orange, violet
    "overdue_deletions": "#d62728",
    "overdue_requests": "#ff7f0e",
    "high_finding_groups": "#7f3fbf",
}


def attention_sentence(s: Settings, f: WeekFigures) -> str:
    """'7 zaken vragen aandacht: 4 verwijderingen te laat, …' naming only the non-zero parts;
    each part is the figure of its card below (compliance.figures)."""
    numbers = (f.overdue_deletions, f.urgent_requests, f.other_groups)
    parts = [
        plural(s, "overview.part_overdue", f.overdue_deletions),
        plural(s, "overview.part_requests", f.urgent_requests),
        plural(s, "overview.part_findings", f.other_groups),
    ]
    shown = [p for p, n in zip(parts, numbers, strict=True) if n]
    return plural(s, "overview.attention", f.attention, parts=", ".join(shown))


def latest_imports(s: Settings) -> pd.DataFrame:
    """The most recent successful import per system and kind of export (relations and
    invoices of one system are different files, and both matter)."""
    df = imports(s)
    df = df[df["status"] == "imported"].sort_values("finished_at", ascending=False)
    return df.drop_duplicates(["source", "kind"]).sort_values(["source", "kind"])


def trend_figure(s: Settings, series: pd.DataFrame) -> go.Figure:
    """Open items per kind at each sign-off and now (compliance.figures.trend)."""
    labels = [
        s.t("trend.today") if signed is None or pd.isna(signed) else as_of.isoformat()
        for as_of, signed in zip(series["as_of"], series["signed"], strict=True)
    ]
    # Two sign-offs on one as-of date (signed, fixed, signed again) are two points: the
    # later one also says when it was signed.
    seen: set[str] = set()
    for i, (label, signed) in enumerate(zip(list(labels), series["signed"], strict=True)):
        if label in seen and not pd.isna(signed):
            labels[i] = f"{label} {pd.Timestamp(signed):%H:%M}"
        seen.add(labels[i])
    fig = go.Figure()
    for key in TREND_SERIES:
        values = [None if pd.isna(v) else int(v) for v in series[key]]
        fig.add_trace(
            go.Scatter(x=labels, y=values, name=s.t(f"trend.{key}"), mode="lines+markers",
                       line={"color": TREND_COLOURS[key], "width": 2}, connectgaps=False,
                       hovertemplate="%{y}<extra>%{fullData.name}</extra>")
        )  # fmt: skip
    fig.update_layout(
        height=260,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "y": -0.25},
        xaxis={"type": "category", "title": None},
        yaxis={"title": s.t("trend.y"), "rangemode": "tozero", "tickformat": "d"},
    )
    return fig


def trend_chart(s: Settings, figures: WeekFigures) -> None:
    """The week as a picture: are we getting better since the last sign-offs?"""
    done = guarded(s, review_store.sign_offs, s.db)
    st.subheader(s.t("trend.title"))
    if done.empty:
        st.caption(s.t("trend.need_sign_off"))
        return
    st.caption(s.t("trend.caption"))
    st.plotly_chart(trend_figure(s, trend(done, figures, s.as_of)),
                    config={"displayModeBar": False})  # fmt: skip
