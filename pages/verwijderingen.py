"""Verwijderingen: what must be deleted (late first), why, and recording that it was done."""

import streamlit as st

from compliance import store, ui
from compliance.importing import current_actor
from compliance.ui.deletions import (
    MAX_CHOICES,
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
    ui.derived(s, "deletion_sources", lambda: sorted(snap.deletions["source"].unique())),
    format_func=lambda v: ui.source_label(s, v),
    placeholder=s.t("deletions.all"),
    key="del_source",
)
search = f4.text_input(
    s.t("deletions.search"), key="del_search", placeholder=s.t("deletions.search_hint")
)

# Filtered and sorted once per snapshot and choice of filters (a million rows at most).
rows = ui.derived(
    s,
    f"deletions:{chosen}:{categories}:{sources}:{search}",
    lambda: filter_deletions(snap.deletions, chosen or [], categories, sources, search),
)
st.caption(s.t("deletions.count", n=len(rows), total=len(snap.deletions)))
if rows.empty:
    st.info(s.t("deletions.none"))
else:
    # A static table wraps the long reasons instead of cutting them; paged when long.
    shown, slot = ui.paged(rows, "del_page")
    table = deletions_table(s, shown)
    nowrap = [s.t(f"col.{c}") for c in ("system", "due", "days_overdue", "status")]
    ui.static_table(table, s, status=s.t("col.status"), nowrap=nowrap, slot=slot)

# ---------------------------------------------------------------- mark as deleted
st.subheader(s.t("deletions.mark_title"))


def record_deletion(s, choices):
    """Form callback: runs before the rerun, so it may also empty the form afterwards."""
    state = st.session_state
    subject_id, category, source = state["mark_pick"]
    evidence, actor = state["mark_evidence"].strip(), state["mark_actor"].strip()
    if not evidence:
        state["_mark_error"] = s.t("deletions.need_evidence")
    elif not actor:
        state["_mark_error"] = s.t("deletions.need_actor")
    elif state["mark_date"] is None:
        state["_mark_error"] = s.t("deletions.need_date")
    elif not state["mark_confirm"]:
        state["_mark_error"] = s.t("deletions.need_confirm")
    else:
        try:
            count = store.mark_deleted(
                s.db,
                subject_id=subject_id,
                category=category,
                source=source,
                deleted_on=state["mark_date"],
                evidence=evidence,
                actor=actor,
                now=ui.now(),
            )
        except (store.StoreBusy, store.StoreError) as exc:
            state["_mark_error"] = ui.error_text(s, exc)
            return
        ui.clear_cache()
        state["_mark_done"] = s.t("deletions.marked", n=count, what=choices[state["mark_pick"]])
        # An empty form, so the next row cannot inherit this evidence and confirmation.
        state["mark_evidence"] = ""
        state["mark_confirm"] = False


# The most urgent first, at most MAX_CHOICES of them (the filters above narrow the list).
def open_choices():
    still_there = rows[rows["present"] > 0]
    return deletion_choices(s, still_there.head(MAX_CHOICES)), len(still_there)


choices, open_count = ui.derived(
    s, f"deletion_choices:{chosen}:{categories}:{sources}:{search}", open_choices
)
if not choices:
    st.caption(s.t("deletions.mark_nothing"))
else:
    st.caption(s.t("deletions.mark_intro"))
    if open_count > len(choices):
        st.caption(s.t("deletions.mark_first", shown=len(choices), n=open_count))
    with st.form("mark_deleted", border=True):
        st.selectbox(
            s.t("deletions.mark_pick"), list(choices), format_func=choices.get, key="mark_pick"
        )
        st.text_area(
            s.t("deletions.mark_evidence"),
            placeholder=s.t("deletions.mark_evidence_hint"),
            key="mark_evidence",
        )
        c1, c2 = st.columns(2)
        c1.date_input(
            s.t("deletions.mark_date"),
            value=default_deletion_date(s),
            max_value=ui.today(),
            format="YYYY-MM-DD",
            key="mark_date",
        )
        # A computer account ("root", "administrator") is nobody's name: the owner types it.
        c2.text_input(s.t("deletions.mark_actor"), value=ui.person_name(current_actor()),
                      placeholder=s.t("deletions.actor_placeholder"), key="mark_actor")  # fmt: skip
        st.checkbox(s.t("deletions.mark_confirm"), key="mark_confirm")
        st.form_submit_button(
            s.t("deletions.mark_button"),
            type="primary",
            on_click=record_deletion,
            args=(s, choices),
        )
if error := st.session_state.pop("_mark_error", None):
    st.error(error)
if done := st.session_state.pop("_mark_done", None):
    st.success(done, icon=":material/check_circle:")

# ---------------------------------------------------------------- recently marked
st.subheader(s.t("deletions.log_title"))
log = deletion_log(s)
if log.empty:
    st.caption(s.t("deletions.log_empty"))
else:
    shown, slot = ui.paged(log, "log_page")
    nowrap = [s.t(f"col.{c}") for c in ("marked_at", "system", "deleted_on")]
    ui.static_table(deletion_log_table(s, shown, snap), s, nowrap=nowrap, slot=slot)
