"""Verwijderingen: what must be deleted (late first), why, and recording that it was done."""

import streamlit as st

from compliance import store, ui
from compliance.importing import current_actor
from compliance.ui.deletions import (
    default_deletion_date,
    deletion_choices,
    deletion_log,
    deletion_log_table,
    deletions_table,
    filter_deletions,
)

s = ui.setup_page("page.verwijderingen")
ui.require_data(s)
snap = ui.snapshot(s)
st.caption(s.t("deletions.intro"))

if flash := st.session_state.pop("_flash_deleted", None):
    st.success(flash, icon=":material/check_circle:")

# The Overzicht links here with ?status=overdue or ?status=due_soon.
statuses = ["overdue", "due_soon", "scheduled", "deleted"]
wanted = st.query_params.get("status")
default = [wanted] if wanted in statuses else ["overdue", "due_soon"]

chosen = st.pills(
    s.t("deletions.filter_status"),
    statuses,
    selection_mode="multi",
    default=default,
    format_func=lambda v: ui.status_label(s, v),
    key="del_status",
)
f2, f3, f4 = st.columns(3)
categories = f2.multiselect(
    s.t("col.category"),
    list(s.policy.categories),
    format_func=lambda c: ui.category_label(s, c),
    placeholder=s.t("deletions.all"),
    key="del_category",
)
sources = f3.multiselect(
    s.t("col.system"),
    sorted(snap.deletions["source"].unique()),
    format_func=lambda v: ui.source_label(s, v),
    placeholder=s.t("deletions.all"),
    key="del_source",
)
search = f4.text_input(
    s.t("deletions.search"), key="del_search", placeholder=s.t("deletions.search_hint")
)

rows = filter_deletions(snap.deletions, chosen or [], categories, sources, search)
st.caption(s.t("deletions.count", n=len(rows), total=len(snap.deletions)))
if rows.empty:
    st.info(s.t("deletions.none"))
else:
    # A static table wraps the long reasons instead of cutting them; paged when long.
    shown, slot = ui.paged(rows, "del_page")
    table = deletions_table(s, shown)
    nowrap = [s.t("col.due"), s.t("col.days_overdue"), s.t("col.status")]
    slot.table(ui.style_status(table, s, s.t("col.status"), nowrap=nowrap), hide_index=True)

# ---------------------------------------------------------------- mark as deleted
st.subheader(s.t("deletions.mark_title"))
open_rows = rows[rows["present"] > 0]
if open_rows.empty:
    st.caption(s.t("deletions.mark_nothing"))
else:
    st.caption(s.t("deletions.mark_intro"))
    choices = deletion_choices(s, open_rows)
    with st.form("mark_deleted", clear_on_submit=False, border=True):
        pick = st.selectbox(
            s.t("deletions.mark_pick"), list(choices), format_func=choices.get, key="mark_pick"
        )
        evidence = st.text_area(
            s.t("deletions.mark_evidence"),
            placeholder=s.t("deletions.mark_evidence_hint"),
            key="mark_evidence",
        )
        c1, c2 = st.columns(2)
        deleted_on = c1.date_input(
            s.t("deletions.mark_date"),
            value=default_deletion_date(s),
            max_value=ui.today(),
            format="YYYY-MM-DD",
            key="mark_date",
        )
        actor = c2.text_input(s.t("deletions.mark_actor"), value=current_actor(), key="mark_actor")
        confirmed = st.checkbox(s.t("deletions.mark_confirm"), key="mark_confirm")
        submitted = st.form_submit_button(s.t("deletions.mark_button"), type="primary")
    if submitted:
        subject_id, category, source = pick
        if not evidence.strip():
            st.error(s.t("deletions.need_evidence"))
        elif not actor.strip():
            st.error(s.t("deletions.need_actor"))
        elif not confirmed:
            st.error(s.t("deletions.need_confirm"))
        else:
            try:
                count = store.mark_deleted(
                    s.db,
                    subject_id=subject_id,
                    category=category,
                    source=source,
                    deleted_on=deleted_on,
                    evidence=evidence,
                    actor=actor.strip(),
                    now=ui.now(),
                )
            except (store.StoreBusy, store.StoreError) as exc:
                st.error(ui.error_text(s, exc))
            else:
                ui.clear_cache()
                st.session_state["_flash_deleted"] = s.t(
                    "deletions.marked", n=count, what=choices[pick]
                )
                st.rerun()

# ---------------------------------------------------------------- recently marked
st.subheader(s.t("deletions.log_title"))
log = deletion_log(s)
if log.empty:
    st.caption(s.t("deletions.log_empty"))
else:
    st.dataframe(
        deletion_log_table(s, log, snap),
        hide_index=True,
        column_config={
            s.t("col.marked_at"): st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")
        },
    )
