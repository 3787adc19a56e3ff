"""The weekly review on the Overzicht: what changed since the last sign-off, and signing off."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from compliance import review
from compliance.importing import current_actor
from compliance.report import Snapshot
from compliance.store import review as review_store
from compliance.ui.display import category_label, md_escape, source_label
from compliance.ui.frame import Settings, clear_cache, guarded


def _finding_text(s: Settings, texts: dict, key: str) -> str:
    """A finding's text in the chosen language, from today's state or the sign-off's."""
    found = texts.get(key)
    return found[s.lang] if found else key.split(":", 2)[-1]


def _deletion_text(s: Settings, snap: Snapshot, key: str) -> str:
    subject, category, source = key.split(":")
    names = dict(zip(snap.subjects["id"].astype(str), snap.subjects["name"], strict=True))
    return (
        f"{names.get(subject, subject)} · {category_label(s, category)} · {source_label(s, source)}"
    )


def render(s: Settings, snap: Snapshot) -> None:
    """Changes since the last sign-off, the sign-off form, and the list of sign-offs."""
    st.subheader(s.t("review.title"), anchor="aftekenen")
    done = guarded(s, review_store.sign_offs, s.db)
    now_state = review.review_state(snap)
    if done.empty:
        st.caption(s.t("review.never"))
        last_state, since = {}, datetime.min
    else:
        last = done.iloc[0]
        st.caption(
            s.t(
                "review.last",
                when=f"{last['at']:%Y-%m-%d %H:%M}",
                who=last["actor"],
                as_of=f"{last['as_of']:%Y-%m-%d}",
            )
        )
        last_state, since = last["state"], last["at"].to_pydatetime()
    changes = review.changes_since(last_state, now_state)
    subjects, requests = guarded(s, review_store.added_since, s.db, since)

    cols = st.columns(5)
    for col, key, n in zip(
        cols,
        ("new_subjects", "new_requests", "newly_overdue", "opened", "closed"),
        (
            len(subjects),
            len(requests),
            len(changes.newly_overdue),
            len(changes.findings_opened),
            len(changes.findings_closed),
        ),
        strict=True,
    ):
        col.metric(s.t(f"review.{key}"), n)
    with st.expander(s.t("review.details"), expanded=not done.empty and not changes.nothing):
        for title, items in (
            ("review.newly_overdue", [_deletion_text(s, snap, k) for k in changes.newly_overdue]),
            (
                "review.opened",
                [_finding_text(s, now_state["finding_texts"], k) for k in changes.findings_opened],
            ),
            (
                "review.closed",
                [
                    _finding_text(s, last_state.get("finding_texts", {}), k)
                    for k in changes.findings_closed
                ],
            ),
            ("review.new_subjects", subjects["name"].tolist()),
            (
                "review.new_requests",
                [
                    f"#{r.id} {r.name or ''} ({r.received_on:%Y-%m-%d})"
                    for r in requests.itertuples()
                ],
            ),
        ):
            if items:
                st.markdown(f"**{s.t(title)}**")
                st.markdown("\n".join(f"- {md_escape(i)}" for i in items[:50]))
        if changes.nothing and subjects.empty and requests.empty:
            st.caption(s.t("review.no_changes"))

    with st.form("sign_off", clear_on_submit=True):
        note = st.text_area(s.t("review.note"), placeholder=s.t("review.note_hint"), height=80)
        if st.form_submit_button(s.t("review.sign"), type="primary", icon=":material/task_alt:"):
            guarded(
                s,
                lambda: review_store.add_sign_off(
                    s.db,
                    actor=current_actor(),
                    now=datetime.now(),
                    as_of=s.as_of,
                    note=note,
                    state=now_state,
                ),
            )
            clear_cache()
            st.session_state["_flash"] = s.t("review.signed")
            st.rerun()

    if not done.empty:
        table = pd.DataFrame(
            {
                s.t("review.col.when"): done["at"],
                s.t("review.col.who"): done["actor"],
                s.t("review.col.as_of"): done["as_of"],
                s.t("review.col.overdue"): [
                    st_["counts"]["overdue_deletions"] for st_ in done["state"]
                ],
                s.t("review.col.requests"): [
                    st_["counts"]["open_requests"] for st_ in done["state"]
                ],
                s.t("review.col.findings"): [st_["counts"]["findings"] for st_ in done["state"]],
                s.t("review.col.note"): done["note"],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            column_config={
                s.t("review.col.when"): st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                s.t("review.col.as_of"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            },
        )
