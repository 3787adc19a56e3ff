"""Toegang: who still has access (firewall IPs, vault logins, licences), former clients first,
and the entries still to link to a person."""

import streamlit as st

from compliance import store, ui
from compliance.importing import current_actor
from compliance.ui.access import (
    access_frame,
    access_table,
    entry_label,
    file_name,
    filtered,
    page_column_config,
    people_with,
    state_colour_keys,
    subject_options,
    subject_word,
    urgent_lines,
)

s = ui.setup_page("page.toegang")
ui.require_data(s)
snap = ui.snapshot(s)
st.caption(s.t("toegang.intro"))
df = access_frame(s, snap)

if df.empty:
    st.info(s.t("toegang.empty"))
    st.markdown(s.t("toegang.empty_how"))
    ui.link_to("pages/importeren.py", s.t("page.importeren"), ":material/upload_file:")
    st.stop()

if flash := st.session_state.pop("_access_flash", None):
    st.success(flash, icon=":material/check_circle:")

# ---------------------------------------------------------------- what must go, first
former = people_with(df, "remove_now")
if former:
    lines = [ui.plural(s, "toegang.former", len(former)), *urgent_lines(s, df, "remove_now")]
    st.error("\n".join(lines), icon=":material/gpp_bad:")
soon = people_with(df, "remove_soon")
if soon:
    lines = [ui.plural(s, "toegang.soon", len(soon)), *urgent_lines(s, df, "remove_soon")]
    st.warning("\n".join(lines), icon=":material/schedule:")
prospects = people_with(df, "prospect")
if prospects:
    lines = [ui.plural(s, "toegang.prospects", len(prospects)), *urgent_lines(s, df, "prospect")]
    st.warning("\n".join(lines), icon=":material/person_alert:")
if not (former or soon or prospects):
    st.success(s.t("toegang.all_clear"), icon=":material/verified_user:")
if former or soon or prospects:
    st.caption(s.t("toegang.how_to_remove"))

unlinked = df[df["state"] == "unlinked"]
clients = df[df["state"] == "kept"]
c1, c2, c3, c4 = st.columns(4)
c1.metric(s.t("toegang.metric.former"), len(former) + len(soon), border=True)
c2.metric(s.t("toegang.metric.prospects"), len(prospects), border=True)
c3.metric(s.t("toegang.metric.unlinked"), len(unlinked), border=True)
c4.metric(s.t("toegang.metric.clients"), clients["subject_id"].nunique(), border=True)

# ---------------------------------------------------------------- the list, with filters
st.subheader(s.t("toegang.list_title"))
f1, f2, f3 = st.columns([2, 2, 3])
categories = f1.pills(
    s.t("toegang.filter_category"),
    ["ip_address", "credentials"],
    selection_mode="multi",
    default=["ip_address", "credentials"],
    format_func=lambda c: s.t(f"toegang.filter.{c}"),
    key="acc_category",
)
systems = sorted(df["system"].unique(), key=str.lower)
system = f2.selectbox(
    s.t("toegang.filter_system"),
    systems,
    index=None,
    placeholder=s.t("toegang.filter_all_systems"),
    key="acc_system",
)
search = f3.text_input(
    s.t("toegang.filter_search"), help=s.t("toegang.filter_search_help"), key="acc_search"
)
show_all = st.toggle(s.t("toegang.filter_removed"), key="acc_all")

shown = filtered(df, categories or [], system, search, show_all)
if shown.empty:
    st.caption(s.t("toegang.nothing"))
else:
    table = access_table(s, shown)
    page, slot = ui.paged(table, "acc_page")
    slot.dataframe(
        ui.style_status(page, s, s.t("toegang.col.state"), state_colour_keys(s)),
        hide_index=True,
        height=38 + 35 * len(page),  # every row of the page, no inner scrolling
        column_config=page_column_config(s),
    )
    st.download_button(
        s.t("toegang.download"),
        data=ui.csv_bytes(access_table(s, shown, full=True)),
        file_name=file_name(s),
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )

# ---------------------------------------------------------------- linking
st.subheader(s.t("toegang.unlinked_title"))
options, labels = subject_options(snap)
if unlinked.empty:
    st.caption(s.t("toegang.none_unlinked"))
else:
    st.caption(s.t("toegang.unlinked_intro"))
    ui.static_table(access_table(s, unlinked).iloc[:, 2:6], s)


def _on_save(key: str, rows: list[dict]) -> None:
    """Form callback: runs before the rerun, so it can also empty the subject choice."""
    state = st.session_state
    entry, who = rows[state[f"{key}_entry"]], state[f"{key}_who"]
    if who is None:
        state[f"_access_error_{key}"] = s.t("toegang.link_need")
        return
    try:
        store.link_access(
            s.db,
            source=entry["source"],
            category=entry["category"],
            ref=entry["ref"],
            subject_id=None if who == -1 else who,
            actor=current_actor(),
            now=ui.now(),
        )
    except (store.StoreBusy, store.StoreError) as exc:
        state[f"_access_error_{key}"] = ui.error_text(s, exc)
        return
    ui.clear_cache()
    state["_access_flash"] = s.t(
        "toegang.linked", entry=entry_label(s, entry), who=subject_word(s, who, labels, snap)
    )
    state[f"{key}_who"] = None  # the next entry must not inherit this choice
    state[f"{key}_entry"] = 0  # the list is shorter now: start at its top


def _on_forget(key: str, rows: list[dict]) -> None:
    state = st.session_state
    entry = rows[state[f"{key}_entry"]]
    if not entry["decided"]:
        state[f"_access_error_{key}"] = s.t("toegang.not_decided")
        return
    try:
        store.forget_access_link(
            s.db,
            source=entry["source"],
            category=entry["category"],
            ref=entry["ref"],
            actor=current_actor(),
            now=ui.now(),
        )
    except (store.StoreBusy, store.StoreError) as exc:
        state[f"_access_error_{key}"] = ui.error_text(s, exc)
        return
    ui.clear_cache()
    state["_access_flash"] = s.t("toegang.forgotten", entry=entry_label(s, entry))


def _link_form(key: str, rows: list[dict], forget: bool) -> None:
    with st.form(key, border=True):
        st.selectbox(
            s.t("toegang.link_entry"),
            range(len(rows)),
            format_func=lambda i: entry_label(s, rows[i]),
            key=f"{key}_entry",
        )
        st.selectbox(
            s.t("toegang.link_subject"),
            options,
            index=None,
            format_func=lambda sid: subject_word(s, sid, labels, snap),
            placeholder=s.t("toegang.link_placeholder"),
            key=f"{key}_who",
        )
        st.form_submit_button(
            s.t("toegang.link_button"),
            type="primary",
            icon=":material/link:",
            on_click=_on_save,
            args=(key, rows),
        )
        if forget:
            st.form_submit_button(
                s.t("toegang.forget_button"),
                icon=":material/link_off:",
                on_click=_on_forget,
                args=(key, rows),
            )
    if error := st.session_state.pop(f"_access_error_{key}", None):
        st.error(error)


if not unlinked.empty:
    _link_form("acc_link", unlinked.to_dict("records"), forget=False)

present = df[df["state"] != "gone"]
with st.expander(s.t("toegang.relink_title"), icon=":material/edit:"):
    st.caption(s.t("toegang.relink_intro"))
    _link_form("acc_relink", present.to_dict("records"), forget=True)
