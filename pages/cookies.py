"""Cookies & analytics: the statement's cookie promise beside what the site really does,
the AP's checklist for Google Analytics, the GA settings form and what changed."""

import streamlit as st

from compliance import store, ui
from compliance.importing import current_actor
from compliance.ui.cookies import (
    FORM_ORDER,
    attention_counts,
    change_lines,
    checklist_table,
    chosen_settings,
    cookies_table,
    default_checked_on,
    evidence_name,
    form_defaults,
    form_options,
    lifetime_chart,
    observed_lines,
    promise_lines,
    setting_label,
    status_keys,
    step_title,
    trackers_table,
    value_label,
    website_history,
    website_review,
)

s = ui.setup_page("page.cookies")
st.caption(s.t("cookies.intro"))
review = website_review(s)

if flash := st.session_state.pop("_ga_form_done", None):
    st.success(flash, icon=":material/check_circle:")

counts = attention_counts(review)
if not review.evidence:
    st.info(s.t("cookies.no_evidence"), icon=":material/travel_explore:")
    ui.link_to("pages/importeren.py", s.t("page.importeren"), ":material/upload_file:")
elif counts["fail"] or counts["unknown"]:
    st.warning(s.t("cookies.headline", **counts), icon=":material/cookie:")
else:
    st.success(s.t("cookies.all_well"), icon=":material/check_circle:")

left, right = st.columns(2, gap="large")
with left.container(border=True, height="stretch"):
    st.markdown(f"**{s.t('cookies.promise_title')}**")
    st.markdown("\n".join(f"- {line}" for line in promise_lines(s)))
    st.caption(ui.md_escape(getattr(s.policy.cookies, f"interpretation_{s.lang}")))
with right.container(border=True, height="stretch"):
    st.markdown(f"**{s.t('cookies.observed_title')}**")
    if review.evidence:
        newest = review.evidence[0]
        st.caption(
            s.t("cookies.observed_from", file=ui.md_escape(evidence_name(s, newest)),
                date=ui.fmt_date(newest.observed_on), n=len(review.evidence))
        )  # fmt: skip
    st.markdown("\n".join(f"- {line}" for line in observed_lines(s, review)))

# ---------------------------------------------------------------- the checklist
st.subheader(s.t("cookies.checklist_title"))
st.caption(s.t("cookies.checklist_note"))
ap = [c for c in review.checks if c.group == "ap"]
promise = [c for c in review.checks if c.group == "promise"]
status = s.t("col.status")
nowrap = [status, s.t("cookies.col_evidence")]
st.markdown(f"**{s.t('cookies.checklist_ap')}**")
ui.static_table(checklist_table(s, ap), s, status=status, keys=status_keys(s), nowrap=[status])
st.markdown(f"**{s.t('cookies.checklist_promise')}**")
ui.static_table(checklist_table(s, promise), s, status=status, keys=status_keys(s), nowrap=[status])

# ---------------------------------------------------------------- cookies and trackers
st.subheader(s.t("cookies.cookies_title"))
if not review.cookies:
    st.caption(s.t("cookies.no_cookies"))
else:
    fig = lifetime_chart(s, review)
    if fig is not None:
        st.plotly_chart(fig, config={"displayModeBar": False})
    st.caption(s.t("cookies.chart_note", days=s.policy.cookies.max_lifetime_days))
    ui.static_table(cookies_table(s, review), s, status=status, keys=status_keys(s),
                    nowrap=[status, s.t("cookies.col_lifetime")])  # fmt: skip
if review.trackers:
    st.markdown(f"**{s.t('cookies.trackers_title')}**")
    ui.static_table(trackers_table(s, review), s)

# ---------------------------------------------------------------- the GA settings form
st.subheader(s.t("cookies.form_title"))
st.caption(s.t("cookies.form_intro"))


def save_ga_settings(s, names):
    """Form callback: runs before the rerun, so the success message shows at the top."""
    state = st.session_state
    values = chosen_settings({name: state[f"ga_{name}_{s.lang}"] for name in names})
    actor = state["ga_actor"].strip()
    if not values:
        state["_ga_form_error"] = s.t("cookies.form_need_value")
        return
    if not actor:
        state["_ga_form_error"] = s.t("cookies.form_need_actor")
        return
    if state["ga_checked_on"] is None:
        state["_ga_form_error"] = s.t("cookies.form_need_date")
        return
    try:
        store.record_ga_settings(
            s.db, values, observed_on=state["ga_checked_on"], actor=actor, now=ui.now(),
            note=state["ga_note"],
        )  # fmt: skip
    except (store.StoreBusy, store.StoreError) as exc:
        state["_ga_form_error"] = ui.error_text(s, exc)
        return
    ui.clear_cache()
    state["_ga_form_done"] = s.t(
        "cookies.form_saved", n=len(values), date=ui.fmt_date(state["ga_checked_on"])
    )


defaults = form_defaults(review)
with st.form("ga_settings", border=True):
    columns = st.columns(3)
    for i, name in enumerate(FORM_ORDER):
        options = form_options(name)
        columns[i % 3].selectbox(
            setting_label(s, name),
            options,
            index=options.index(defaults[name]),
            format_func=lambda v, name=name: value_label(s, name, v),
            key=f"ga_{name}_{s.lang}",  # the browser keeps a choice's words per key
        )
    c1, c2, c3 = st.columns([1, 1, 2])
    c1.date_input(
        s.t("cookies.form_date"),
        value=default_checked_on(s),
        max_value=ui.today(),
        format="YYYY-MM-DD",
        key="ga_checked_on",
    )
    c2.text_input(s.t("cookies.form_actor"), value=current_actor(), key="ga_actor")
    c3.text_input(
        s.t("cookies.form_note"), placeholder=s.t("cookies.form_note_hint"), key="ga_note"
    )
    st.form_submit_button(
        s.t("cookies.form_button"), type="primary", on_click=save_ga_settings,
        args=(s, FORM_ORDER),
    )  # fmt: skip
if error := st.session_state.pop("_ga_form_error", None):
    st.error(error)

# ---------------------------------------------------------------- history
st.subheader(s.t("cookies.history_title"))
steps = website_history(s)
if not steps:
    st.caption(s.t("cookies.history_empty"))
else:
    st.caption(s.t("cookies.history_note"))
    for number, step in enumerate(steps):
        # The newest step open; older ones folded, a click away.
        box = st.container(border=True) if number == 0 else st.expander(step_title(s, step))
        with box:
            if number == 0:
                st.markdown(step_title(s, step))
            st.markdown("\n".join(f"- {line}" for line in change_lines(s, step)))
