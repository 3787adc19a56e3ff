"""Inventaris: which personal data we hold, per category and system, and about one person."""

import plotly.express as px
import streamlit as st

from compliance import ui
from compliance.ui.inventory import (
    ALL_SYSTEMS,
    inventory_by_status,
    inventory_table,
    overview_file_name,
    subject_choices,
    subject_explanation,
    subject_overview,
    subject_records_view,
)

MAX_CHOICES = 2000  # more subjects than this: the picker searches first

s = ui.setup_page("page.inventaris")
ui.require_data(s)
snap = ui.snapshot(s)
st.caption(s.t("inventory.intro"))

statuses = ["client", "former_client", "prospect"]
chosen = st.pills(
    s.t("inventory.filter_status"),
    statuses,
    selection_mode="multi",
    default=statuses,
    format_func=lambda v: ui.status_label(s, v),
    key="inv_status",
)
inventory = ui.derived(
    s, f"inventory:{sorted(chosen or [])}", lambda: inventory_by_status(s, snap, chosen or [])
)
per_source = inventory[inventory["source"] != ALL_SYSTEMS]

if per_source.empty:
    st.info(s.t("inventory.nothing"))
else:
    # Few rows of long text: a static table that wraps reads better than a grid that cuts.
    ui.static_table(inventory_table(s, inventory), s)
    chart = per_source.assign(
        category=[ui.category_label(s, c) for c in per_source["category"]],
        source=[ui.source_label(s, v) for v in per_source["source"]],
    )
    fig = px.bar(
        chart,
        x="records",
        y="category",
        color="source",
        orientation="h",
        labels={
            "records": s.t("col.records"),
            "category": "",
            "source": s.t("col.system"),
        },
        color_discrete_sequence=px.colors.qualitative.Safe,
        title=s.t("inventory.chart_title"),
    )
    fig.update_layout(
        barmode="stack",
        height=140 + 45 * chart["category"].nunique(),
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": None},
        title={"y": 0.98, "yanchor": "top"},
        yaxis={"categoryorder": "total ascending"},
    )
    st.plotly_chart(fig, config={"displayModeBar": False})

# ---------------------------------------------------------------- one person
st.divider()
st.subheader(s.t("subject.title"))
st.caption(s.t("subject.intro"))
options, describe = ui.derived(s, "subject_choices", lambda: subject_choices(s, snap))
if len(options) > MAX_CHOICES:
    # A list of every subject would be sent to the browser on each rerun: search first.
    query = st.text_input(s.t("subject.pick"), placeholder=s.t("subject.placeholder"),
                          key="inv_subject_search").strip().lower()  # fmt: skip
    options = [i for i in options if query and query in describe[i].lower()][:MAX_CHOICES]
subject_id = st.selectbox(
    s.t("subject.pick"),
    options,
    index=None,
    format_func=lambda sid: describe[sid],
    placeholder=s.t("subject.placeholder"),
    key="inv_subject",
)

if subject_id is not None:
    person = snap.subjects[snap.subjects["id"] == subject_id].iloc[0]
    status = person["status"]
    st.markdown(
        f"### {ui.md_escape(person['name'])} {ui.badge(s, status, ui.status_label(s, status))}"
    )
    st.markdown(subject_explanation(s, person))

    facts = {
        "subject.end_of_cooperation": ui.fmt_date(person["end_of_cooperation"]),
        "subject.invoices": int(person["invoices"]),
        "subject.first_invoice": ui.fmt_date(person["first_invoice"]),
        "subject.last_invoice": ui.fmt_date(person["last_invoice"]),
        "subject.last_contact": ui.fmt_date(person["last_contact"]),
    }
    for col, (key, value) in zip(st.columns(len(facts)), facts.items(), strict=True):
        col.markdown(f"{s.t(key)}  \n**{value}**")

    st.markdown(f"#### {s.t('subject.records_title')}")
    records = subject_records_view(s, subject_id, snap)
    if records.empty:
        st.caption(s.t("subject.no_records"))
    else:
        nowrap = [s.t(f"col.{c}") for c in ("system", "first_seen", "last_seen", "due_or_deleted")]
        ui.static_table(records, s, status=s.t("col.status"), nowrap=nowrap)

    st.markdown(f"#### {s.t('subject.requests_title')}")
    requests = snap.requests[snap.requests["subject_id"] == subject_id]
    if requests.empty:
        st.caption(s.t("subject.no_requests"))
    else:
        table = ui.requests_table(s, requests)
        st.dataframe(ui.style_status(table, s, s.t("col.status")), hide_index=True)

    st.download_button(
        s.t("subject.download"),
        data=ui.csv_bytes(subject_overview(s, person, records, requests)),
        file_name=overview_file_name(s, person["name"]),
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(s.t("subject.download_note"))
