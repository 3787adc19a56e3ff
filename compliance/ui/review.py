"""The weekly review on the Overzicht: what changed since the last sign-off, and signing off."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

from compliance import review
from compliance.figures import week_figures
from compliance.importing import current_actor
from compliance.report import Snapshot
from compliance.store import review as review_store
from compliance.ui.display import category_label, md_escape, source_label
from compliance.ui.frame import Settings, clear_cache, derived, guarded


def _finding_text(s: Settings, texts: dict, key: str) -> str:
    """A finding's text in the chosen language, from today's state or the sign-off's."""
    # The English text is the key's last part; a state keeps only the Dutch one beside it
    # (states of earlier versions keep both).
    found = texts.get(key) or {}
    return found.get(s.lang) or key.split(":", 2)[-1]


def _deletion_texts(s: Settings, snap: Snapshot, keys: list[str]) -> list[str]:
    # Names of only the subjects shown (a dict of every subject costs a second at 1M).
    ids = {int(k.split(":")[0]) for k in keys}
    shown = snap.subjects[snap.subjects["id"].isin(ids)]
    names = dict(zip(shown["id"].astype(str), shown["name"], strict=True))
    texts = []
    for key in keys:
        subject, category, source = key.split(":")
        texts.append(f"{names.get(subject, subject)} · {category_label(s, category)} · "
                     f"{source_label(s, source)}")  # fmt: skip
    return texts


def _review_data(s: Settings, snap: Snapshot) -> tuple[Any, ...]:
    """Today's state, the sign-offs and the changes since the last: once per snapshot
    (ui.derived), since they run over every finding and overdue deletion."""
    done = guarded(s, review_store.sign_offs, s.db)
    # The Overzicht's own figures (same derived key): grouping every finding once per page.
    figures = derived(s, "week_figures", lambda: week_figures(snap, s.cal))
    now_state = review.review_state(snap, s.cal, figures)
    if done.empty:
        last_state, since = {}, datetime.min
    else:
        last_state = guarded(s, review_store.last_state, s.db)
        since = done.iloc[0]["at"].to_pydatetime()
    changes = review.changes_since(last_state, now_state)
    subjects, requests = guarded(s, review_store.added_since, s.db, since)
    return done, now_state, last_state, changes, subjects, requests


def render(s: Settings, snap: Snapshot) -> None:
    """Changes since the last sign-off, the sign-off form, and the list of sign-offs."""
    st.subheader(s.t("review.title"), anchor="aftekenen")
    done, now_state, last_state, changes, subjects, requests = derived(
        s, "weekly_review", lambda: _review_data(s, snap)
    )
    if done.empty:
        st.caption(s.t("review.never"))
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
            # At most 50 of each are shown: only those are put into words.
            ("review.newly_overdue", _deletion_texts(s, snap, changes.newly_overdue[:50])),
            (
                "review.opened",
                [
                    _finding_text(s, now_state["finding_texts"], k)
                    for k in changes.findings_opened[:50]
                ],
            ),
            (
                "review.closed",
                [
                    _finding_text(s, last_state.get("finding_texts", {}), k)
                    for k in changes.findings_closed[:50]
                ],
            ),
            ("review.new_subjects", subjects["name"].head(50).tolist()),
            (
                "review.new_requests",
                [
                    f"#{r.id} {r.name or ''} ({r.received_on:%Y-%m-%d})"
                    for r in requests.head(50).itertuples()
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
                s.t("review.col.overdue"): [c["overdue_deletions"] for c in done["counts"]],
                s.t("review.col.requests"): [c["open_requests"] for c in done["counts"]],
                # kept since findings are grouped (compliance.figures); older: blank
                s.t("review.col.findings"): [c.get("finding_groups") for c in done["counts"]],
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
