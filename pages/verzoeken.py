"""Verzoeken: the e-mails te beoordelen first, then written requests by urgency, what was done
with them, letters received by post, the access overview, and the classification of the
mailbox."""

import streamlit as st

from compliance import ui
from compliance.policy import REQUEST_TYPE_IDS
from compliance.store.messages import CLASSES
from compliance.ui.requests import (
    ACTIONS,
    ALL_URGENCIES,
    MAIL_FILTERS,
    OPEN_URGENCIES,
    access_choices,
    access_file_name,
    add_postal_request,
    class_label,
    desk,
    desk_table,
    filter_desk,
    filter_messages,
    inbound_messages,
    message_choices,
    messages_table,
    overrule,
    overview_bytes,
    record_action,
    render_to_review,
    request_choices,
    urgency_keys,
    urgency_label,
)

s = ui.setup_page("page.verzoeken")
ui.require_data(s)
# ---------------------------------------------------------------- e-mails te beoordelen
render_to_review(s)
st.caption(s.t("req.intro"))
rows = desk(s)

# ---------------------------------------------------------------- the requests, urgent first
# The Overzicht links here with ?status=overdue.
wanted = st.query_params.get("status")
f1, f2 = st.columns([5, 2])
chosen = f1.pills(
    s.t("req.filter_status"),
    list(ALL_URGENCIES),
    selection_mode="multi",
    default=[wanted] if wanted in ALL_URGENCIES else list(OPEN_URGENCIES),
    format_func=lambda u: urgency_label(s, u),
    key="req_status",
)
types = f2.multiselect(
    s.t("req.filter_type"),
    [*REQUEST_TYPE_IDS, "unclear"],
    format_func=lambda v: ui.request_type_label(s, v),
    placeholder=s.t("req.all"),
    key="req_types",
)
shown = filter_desk(rows, chosen or [], types)
st.caption(s.t("req.count", n=len(shown), total=len(rows)))
if shown.empty:
    st.info(s.t("req.none"))
else:
    page, slot = ui.paged(shown, "req_page")
    table = desk_table(s, page)
    nowrap = [s.t(c) for c in ("col.received_on", "col.respond_by", "col.answered_on",
                               "req.col_channel", "req.col_days_left")]  # fmt: skip
    ui.static_table(
        table, s, status=s.t("req.col_urgency"), keys=urgency_keys(s), nowrap=nowrap, slot=slot
    )

# ---------------------------------------------------------------- handle a request
st.subheader(s.t("req.act_title"))
open_rows = rows[rows["urgency"].isin(OPEN_URGENCIES)]
if open_rows.empty:
    st.caption(s.t("req.act_nothing"))
else:
    choices = request_choices(s, open_rows)
    with st.form("req_act", border=True):
        st.selectbox(s.t("req.act_pick"), list(choices), format_func=choices.get, key="req_pick")
        c1, c2 = st.columns(2)
        c1.radio(
            s.t("req.act_choice"),
            list(ACTIONS),
            format_func=lambda a: s.t(f"req.act_{a}"),
            horizontal=True,
            key="req_action",
        )
        c2.date_input(
            s.t("req.act_date"),
            value=min(s.as_of, ui.today()),
            max_value=ui.today(),
            format="YYYY-MM-DD",
            help=s.t("req.act_date_help"),
            key="req_date",
        )
        st.text_input(s.t("req.act_note"), placeholder=s.t("req.act_note_hint"), key="req_note")
        st.form_submit_button(
            s.t("req.act_button"), type="primary", on_click=record_action, args=(s, rows)
        )
if error := st.session_state.pop("_req_error", None):
    st.error(error)
if done := st.session_state.pop("_req_done", None):
    st.success(done, icon=":material/check_circle:")

# ---------------------------------------------------------------- access overview
st.subheader(s.t("req.access_title"))
st.caption(s.t("req.access_intro"))
access = access_choices(s, rows)
if not access:
    st.caption(s.t("req.access_none"))
else:
    pick = st.selectbox(
        s.t("req.access_pick"), list(access), format_func=access.get, key="req_access"
    )
    row = rows[rows["id"] == pick].iloc[0]
    st.download_button(
        s.t("req.access_button"),
        data=overview_bytes(s, int(row["subject_id"])),
        file_name=access_file_name(s, row["who"]),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )

# ---------------------------------------------------------------- a letter by post
st.subheader(s.t("req.add_title"))
st.caption(s.t("req.add_intro"))
with st.form("req_add", border=True):
    c1, c2 = st.columns(2)
    c1.selectbox(
        s.t("req.add_type"),
        list(REQUEST_TYPE_IDS),
        format_func=lambda v: ui.request_type_label(s, v),
        key="add_type",
    )
    c2.date_input(
        s.t("req.add_received"),
        value=min(s.as_of, ui.today()),
        max_value=ui.today(),
        format="YYYY-MM-DD",
        key="add_received",
    )
    c1, c2, c3 = st.columns(3)
    c1.text_input(s.t("req.add_name"), key="add_name")
    c2.text_input(s.t("req.add_email"), key="add_email")
    c3.text_input(s.t("req.add_kvk"), key="add_kvk")
    st.form_submit_button(s.t("req.add_button"), on_click=add_postal_request, args=(s,))
if error := st.session_state.pop("_add_error", None):
    st.error(error)
if done := st.session_state.pop("_add_done", None):
    st.success(done, icon=":material/check_circle:")

# ---------------------------------------------------------------- the mailbox
st.divider()
st.subheader(s.t("mail.title"))
st.caption(s.t("mail.intro"))
inbound = inbound_messages(s)
if inbound.empty:
    st.info(s.t("mail.none"))
    st.stop()
picked = st.pills(
    s.t("mail.filter"),
    list(MAIL_FILTERS),
    selection_mode="multi",
    default=["requests", "unclear", "overruled"],
    format_func=lambda f: s.t(f"mail.filter_{f}"),
    key="mail_filter",
)
mail = filter_messages(inbound, picked or [])
st.caption(s.t("mail.count", n=len(mail), total=len(inbound)))
if not mail.empty:
    page, slot = ui.paged(mail, "mail_page")
    nowrap = [s.t("mail.col_date")]
    ui.static_table(messages_table(s, page), s, nowrap=nowrap, slot=slot)

st.markdown(f"#### {s.t('mail.overrule_title')}")
options = message_choices(s, mail if not mail.empty else inbound)
with st.form("mail_overrule", border=True):
    st.selectbox(s.t("mail.overrule_pick"), list(options), format_func=options.get, key="mail_pick")
    st.multiselect(
        s.t("mail.overrule_to"),
        list(CLASSES),
        format_func=lambda c: class_label(s, c),
        help=s.t("mail.overrule_to_help"),
        key="mail_to",
    )
    st.text_input(
        s.t("mail.overrule_reason"), placeholder=s.t("mail.overrule_reason_hint"), key="mail_reason"
    )
    st.form_submit_button(s.t("mail.overrule_button"), on_click=overrule, args=(s, inbound))
if error := st.session_state.pop("_mail_error", None):
    st.error(error)
if done := st.session_state.pop("_mail_done", None):
    st.success(done, icon=":material/check_circle:")
