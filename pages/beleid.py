"""Beleid: the privacy statement as the rules the dashboard checks, with its interpretations."""

import streamlit as st

from compliance import ui
from compliance.i18n import label
from compliance.ui.rules import (
    agreement_colours,
    calendar_years,
    holiday_headers,
    holiday_rows,
    request_types_table,
    systems_table,
)

s = ui.setup_page("page.beleid")
p = s.policy
c = p.controller
st.caption(s.t("policy.intro"))
st.markdown(
    s.t(
        "policy.controller",
        name=c.name,
        address=c.address,
        kvk=c.kvk,
        email=c.email,
        phone=c.phone,
        authority=c.supervisory_authority,
    )
)

# Where the statement is vague, the dashboard chose a reading: show it first and plainly.
st.subheader(s.t("policy.interpretations"))
st.caption(s.t("policy.interpretations_note"))
callouts = [(s.t("policy.subject_states"), label(p.subject_states, "interpretation", s.lang))]
callouts += [
    (label(cat, "label", s.lang), label(cat, "interpretation", s.lang))
    for cat in p.categories.values()
    if cat.interpretation_nl
]
for title, text in callouts:
    st.info(
        f"**{s.t('policy.interpretation')} · {ui.md_escape(title)}**  \n{ui.md_escape(text)}",
        icon=":material/lightbulb:",
    )

st.subheader(s.t("policy.categories"))
cols = st.columns(2)
for i, cat in enumerate(p.categories.values()):
    with cols[i % 2].container(border=True):
        st.markdown(f"**{ui.md_escape(label(cat, 'label', s.lang))}**")
        st.caption(label(cat, "description", s.lang))
        st.markdown(
            s.t(
                "policy.category_body",
                purpose=ui.md_escape(label(cat, "purpose", s.lang)),
                systems=ui.md_escape(", ".join(ui.source_label(s, v) for v in cat.systems)),
                retention=ui.md_escape(label(cat, "retention", s.lang)),
            )
        )

st.subheader(s.t("policy.requests"))
st.caption(s.t("policy.requests_note", email=c.email))
ui.static_table(request_types_table(s), s)

st.subheader(s.t("policy.calendar"))
st.caption(s.t("policy.calendar_note"))
year = st.selectbox(s.t("policy.year"), calendar_years(s), index=1, key="pol_year")
holidays = holiday_rows(s, year).rename(columns=holiday_headers(s))
ui.static_table(holidays.map(ui.fmt_date), s, nowrap=[s.t("col.holiday_date")])

st.subheader(s.t("policy.systems"))
st.caption(s.t("policy.systems_note"))
systems = systems_table(s)
agreement = s.t("col.agreement")
ui.static_table(systems, s, status=agreement, keys=agreement_colours(s))
