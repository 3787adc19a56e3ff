"""Overzicht: is all well this week? The counts that matter, what to look at, and on what."""

import streamlit as st

from compliance import store, ui
from compliance.figures import week_figures
from compliance.samples import load_samples
from compliance.ui import review
from compliance.ui.overview import attention_sentence, latest_imports, trend_chart
from compliance.ui.requests import to_review
from etl.model import ImportRefused

s = ui.setup_page("page.overzicht")

if not ui.guarded(s, store.has_data, s.db):
    st.info(s.t("empty.title"))
    st.markdown(s.t("empty.how"))
    if st.button(s.t("empty.load_samples"), type="primary", icon=":material/download:"):
        try:
            with st.spinner(s.t("empty.loading")):
                loaded = ui.guarded(s, load_samples, s.db, s.policy)
        except (ImportRefused, OSError) as exc:
            reason = exc.text(s.lang) if isinstance(exc, ImportRefused) else str(exc)
            st.error(f"{s.t('empty.samples_failed')} {reason}")
        else:
            ui.clear_cache()
            st.session_state["_flash"] = s.t("empty.samples_loaded", n=len(loaded.imports))
            st.rerun()
    ui.link_to("pages/importeren.py", s.t("page.importeren"), ":material/upload_file:")
    st.stop()

if flash := st.session_state.pop("_flash", None):
    st.success(flash)

snap = ui.snapshot(s)
figures = ui.derived(s, "week_figures", lambda: week_figures(snap, s.cal))

# One sentence first: the owner should know at a glance whether to read on.
if figures.attention:
    st.warning(attention_sentence(s, figures), icon=":material/priority_high:")
else:
    st.success(s.t("overview.all_well"), icon=":material/check_circle:")
st.caption(s.t("overview.as_of", date=s.as_of.isoformat()))
# E-mails that may be a request: they already count as requests (shortest deadline), so
# this is not part of the headline; it says what to decide and where.
if n_review := len(to_review(s)):
    with st.container(border=True):
        st.markdown(f":material/mark_email_unread: {ui.plural(s, 'overview.to_review', n_review)}")
        st.caption(s.t("overview.to_review_note"))
        ui.link_to("pages/verzoeken.py", s.t("overview.to_review_link"), ":material/arrow_forward:")

c1, c2, c3, c4 = st.columns(4)
with c1.container(border=True, height="stretch"):
    st.metric(s.t("overview.overdue_deletions"), figures.overdue_deletions)
    st.caption(
        s.t("overview.longest_overdue", n=figures.longest_overdue)
        if figures.longest_overdue is not None
        else s.t("overview.none_overdue")
    )
    ui.link_to(
        "pages/verwijderingen.py",
        s.t("overview.view"),
        ":material/arrow_forward:",
        status="overdue",
    )
with c2.container(border=True, height="stretch"):
    st.metric(s.t("overview.soon_deletions"), figures.due_soon_deletions)
    st.caption(
        s.t("overview.next_due", date=ui.fmt_date(figures.next_due))
        if figures.next_due is not None
        else s.t("overview.none_soon")
    )
    ui.link_to(
        "pages/verwijderingen.py",
        s.t("overview.view"),
        ":material/arrow_forward:",
        status="due_soon",
    )
with c3.container(border=True, height="stretch"):
    st.metric(
        s.t("overview.requests_soon"), figures.urgent_requests, help=s.t("overview.requests_help")
    )
    st.caption(
        s.t("overview.requests_split", late=figures.late_requests, soon=figures.soon_requests)
    )
    ui.link_to("pages/verzoeken.py", s.t("overview.view"), ":material/arrow_forward:")
with c4.container(border=True, height="stretch"):
    st.metric(s.t("overview.findings"), figures.other_groups, help=s.t("overview.findings_help"))
    severities = " · ".join(
        f"{n} {s.t('severity.' + k)}" for k, n in figures.other_by_severity.items()
    )
    items = ui.plural(s, "overview.items", figures.other_items)
    st.caption(s.t("overview.findings_split", severities=severities, items=items))
    st.markdown(s.t("overview.to_findings"))

trend_chart(s, figures)

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(s.t("overview.findings_title"), anchor="bevindingen")
    # The card's groups, worst first; late requests are in the requests table below.
    groups = figures.others
    if not groups:
        st.caption(s.t("overview.no_findings"))
    # A page of groups at a time: thousands of dormant clients are thousands of elements.
    first, slot = ui.paged_range(len(groups), "findings_page")
    with slot:
        for g in groups[first : first + ui.ROWS_PER_PAGE]:
            ui.finding_group(s, snap.findings, g)
    if len(groups) < len(figures.groups):
        st.caption(s.t("overview.findings_requests_note"))

with right:
    st.subheader(s.t("overview.subjects_title"))
    subj = snap.subjects
    by_status = ui.derived(s, "status_counts", lambda: subj["status"].value_counts())
    a, b = st.columns(2)
    a.metric(s.t("overview.clients"), int(by_status.get("client", 0)))
    b.metric(s.t("overview.former_clients"), int(by_status.get("former_client", 0)))
    a.metric(s.t("overview.prospects"), int(by_status.get("prospect", 0)))
    b.metric(
        s.t("overview.dormant"),
        ui.derived(s, "dormant", lambda: int(subj["dormant"].fillna(False).astype(bool).sum())),
        help=s.t("overview.dormant_help", months=s.policy.subject_states.dormant_after_months),
    )
    ui.link_to("pages/inventaris.py", s.t("overview.to_inventory"), ":material/arrow_forward:")

st.subheader(s.t("overview.requests_title"), anchor="verzoeken")
req = ui.derived(
    s,
    "open_requests",
    lambda: snap.requests[snap.requests["status"].isin(["open", "overdue"])].sort_values(
        "respond_by", na_position="last"
    ),
)
if req.empty:
    st.caption(s.t("overview.no_requests"))
else:
    # Styled a page at a time: styling thousands of rows costs seconds on every rerun.
    shown, slot = ui.paged(req, "requests_page")
    table = ui.requests_table(s, shown).drop(columns=[s.t("col.answered_on")])
    slot.dataframe(ui.style_status(table, s, s.t("col.status")), hide_index=True)
st.caption(s.t("overview.requests_note"))

review.render(s, snap)

st.subheader(s.t("overview.imports_title"))
latest = latest_imports(s)
st.dataframe(
    ui.imports_table(s, latest),
    hide_index=True,
    column_config={
        s.t("col.imported_at"): st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")
    },
)
