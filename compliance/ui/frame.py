"""The frame of every page: the sidebar (peildatum, language, database), the title, the
settings the page gets back, cached loaders and links between pages.

    s = ui.setup_page("page.overzicht")      # sidebar and title; returns Settings
    snap = ui.snapshot(s)                    # cached on (db, last change, as-of date)

Language and as-of date live in st.session_state under "lang" and "as_of" (not widget
keys): Streamlit forgets the state of widgets a page does not render, and every page draws
its own copy of the sidebar. `date.today()` is called here and nowhere else below the UI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from compliance import store
from compliance.cli import default_db
from compliance.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from compliance.policy import DEFAULT_POLICY_PATH, Policy, PolicyError, load_policy
from compliance.report import Snapshot, build_snapshot
from compliance.ui.login import require_login
from compliance.workdays import WorkCalendar

LANG_KEY = "lang"
AS_OF_KEY = "as_of"
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    db: Path
    as_of: date
    lang: str
    policy: Policy
    cal: WorkCalendar
    change: int  # store.last_change_id when the page started: part of every cache key

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)


def today() -> date:
    """The real date: the default as-of date and the latest allowed deletion date."""
    return date.today()


def now() -> datetime:
    return datetime.now()


def language() -> str:
    """The chosen language (also for dashboard.py, which titles the pages before they run)."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


# ------------------------------------------------------------------------- setup
def _copy_widget(widget_key: str, key: str) -> None:
    # An emptied date field keeps the previous date (Streamlit's required=True would add
    # an untranslated "(required)" to the label).
    if st.session_state[widget_key] is not None:
        st.session_state[key] = st.session_state[widget_key]


@st.cache_resource(show_spinner=False)
def _policy(path: str, mtime: float) -> Policy:
    return load_policy(path)


def _stop_with(message: str) -> None:
    st.error(message)
    st.stop()


def error_text(s_or_lang: Settings | str, exc: Exception) -> str:
    """A store error as the owner reads it: what kind of problem, then the store's sentence."""
    lang = s_or_lang.lang if isinstance(s_or_lang, Settings) else s_or_lang
    kind = "error.busy" if isinstance(exc, store.StoreBusy) else "error.store"
    said = exc.text(lang) if isinstance(exc, store.StoreBusy | store.StoreError) else str(exc)
    return f"{t(kind, lang)} {said}"


def guarded(s_or_lang: Settings | str, fn: Callable[..., T], *args: Any) -> T:
    """Run a store call; a busy or broken database becomes one red sentence, not a trace."""
    lang = s_or_lang.lang if isinstance(s_or_lang, Settings) else s_or_lang
    try:
        return fn(*args)
    except (store.StoreBusy, store.StoreError) as exc:
        _stop_with(error_text(lang, exc))
    raise AssertionError("unreachable")  # st.stop() raises


def _leave_pages_directory_mode() -> None:
    """Run dashboard.py's navigation even when the very first visit is a deep link.

    A folder named pages/ next to the entry script makes a freshly started Streamlit run a
    deep link such as /verwijderingen in its old pages-directory mode: the page runs without
    dashboard.py (no sections, icons or wide layout) until some visit has run st.navigation
    (streamlit/streamlit#9624). Switching that mode off and rerunning lets dashboard.py
    build the navigation, which then opens the page the link asked for.
    """
    ctx = get_script_run_ctx()
    if (
        PagesManager.uses_pages_directory
        and ctx is not None
        and Path(ctx.main_script_path).name == "dashboard.py"
    ):
        PagesManager.uses_pages_directory = False
        st.rerun()


def setup_page(title_key: str) -> Settings:
    """The sidebar (peildatum, language, database) and the page title; returns the settings."""
    _leave_pages_directory_mode()
    state = st.session_state
    state.setdefault(LANG_KEY, DEFAULT_LANGUAGE)
    state.setdefault(AS_OF_KEY, today())
    # Mirror the remembered values into the widgets before they are drawn.
    state["_w_lang"] = language()
    state["_w_as_of"] = state[AS_OF_KEY]
    lang = language()
    require_login(lang, default_db())

    bar = st.sidebar
    bar.date_input(
        t("sidebar.as_of", lang),
        key="_w_as_of",
        format="YYYY-MM-DD",
        on_change=_copy_widget,
        args=("_w_as_of", AS_OF_KEY),
        help=t("sidebar.as_of_help", lang),
    )
    bar.segmented_control(
        t("sidebar.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: t(f"language.{code}", lang),
        key="_w_lang",
        required=True,
        on_change=_copy_widget,
        args=("_w_lang", LANG_KEY),
    )
    try:
        policy = _policy(str(DEFAULT_POLICY_PATH), DEFAULT_POLICY_PATH.stat().st_mtime)
    except (PolicyError, OSError) as exc:
        _stop_with(f"{t('error.policy', lang)} {exc}")
    db = default_db()
    change = guarded(lang, store.last_change_id, db)
    s = Settings(
        db, state[AS_OF_KEY], lang, policy, WorkCalendar.from_policy(policy.calendar), change
    )

    latest = imports(s)["finished_at"].max() if change else None
    bar.caption(
        t("sidebar.database", lang, name=db.name)
        + "  \n"
        + (
            t("sidebar.last_import", lang, when=latest.strftime("%Y-%m-%d %H:%M"))
            if latest is not None and not pd.isna(latest)
            else t("sidebar.no_import", lang)
        )
    )
    bar.caption(t("sidebar.as_of_note", lang))
    if change:
        _audit_download(s)
    st.title(s.t(title_key))
    return s


def _audit_download(s: Settings) -> None:
    """The audit workbook on every page; built only when the button is clicked."""
    from compliance import audit
    from compliance.importing import current_actor

    st.sidebar.download_button(
        s.t("audit.download"),
        data=lambda: audit.workbook_bytes(s.db, s.policy, s.as_of, s.lang, current_actor()),
        file_name=audit.file_name(s.as_of, s.lang),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help=s.t("audit.download_help"),
        icon=":material/download:",
        on_click="ignore",
        key="_audit_download",
    )


ROWS_PER_PAGE = 25


def paged(df: pd.DataFrame, key: str, per_page: int = ROWS_PER_PAGE) -> tuple[pd.DataFrame, Any]:
    """(rows of the chosen page, slot to draw them in): the pager sits below the slot."""
    first, slot = paged_range(len(df), key, per_page)
    if len(df) > per_page:
        df = df.iloc[first : first + per_page]
    return df, slot


def paged_range(count: int, key: str, per_page: int = ROWS_PER_PAGE) -> tuple[int, Any]:
    """(index of the first item of the chosen page, slot): `paged` for any sequence."""
    slot = st.container()
    pages = max(1, -(-count // per_page))
    number = st.pagination(pages, key=key) if pages > 1 else 1
    return (number - 1) * per_page, slot


def require_data(s: Settings) -> None:
    """Stop a page that needs data when nothing was imported yet, saying what to do."""
    if guarded(s, store.has_data, s.db):
        return
    st.info(s.t("empty.short"))
    link_to("pages/importeren.py", s.t("page.importeren"), ":material/upload_file:")
    st.stop()


def link_to(page: str, text: str, icon: str | None = None, **query: str) -> None:
    """A link to another page; left out when the page runs on its own (tests, `run page`)."""
    with contextlib.suppress(StreamlitAPIException):
        st.page_link(page, label=text, icon=icon, query_params=query or None)


# ------------------------------------------------------------------------- cached loaders
# The snapshot is shared, not copied (cache_resource): st.cache_data would unpickle a copy
# on every rerun, which for a million subjects costs seconds. Pages only read it (every
# pandas call on it returns a new frame); keyed on the last change, so a write makes a
# new one. Two entries: today's and one other as-of date.
@st.cache_resource(show_spinner=False, max_entries=2)
def _snapshot(db: str, change: int, as_of: date, _policy: Policy, policy_stamp: float) -> Snapshot:
    return build_snapshot(db, _policy, as_of)


@st.cache_resource(show_spinner=False, max_entries=32)
def _derived(
    name: str, db: str, change: int, as_of: date, lang: str, stamp: float, _fn: Callable[[], T]
) -> T:
    return _fn()


def derived(s: Settings, name: str, fn: Callable[[], T]) -> T:
    """What a page computes from the snapshot (counts, the weekly review), once per
    snapshot and shared like it: a warm rerun does no work over every subject again.
    `name` must say what `fn` computes; the result is read-only."""
    stamp = DEFAULT_POLICY_PATH.stat().st_mtime
    return guarded(s, _derived, name, str(s.db), s.change, s.as_of, s.lang, stamp, fn)


@st.cache_data(show_spinner=False, max_entries=64)
def _query(name: str, db: str, change: int, *args: Any) -> pd.DataFrame:
    return getattr(store, name)(db, *args)


def snapshot(s: Settings) -> Snapshot:
    stamp = DEFAULT_POLICY_PATH.stat().st_mtime
    return guarded(s, _snapshot, str(s.db), s.change, s.as_of, s.policy, stamp)


def warm_snapshot(s: Settings) -> None:
    """Build the snapshot of the database as it is now (after an import): the owner's next
    page opens on it instead of waiting seconds for it at a million subjects."""
    change = guarded(s, store.last_change_id, s.db)
    if change:
        snapshot(replace(s, change=change))


def imports(s: Settings) -> pd.DataFrame:
    return guarded(s, _query, "imports", str(s.db), s.change)


def record_groups(s: Settings) -> pd.DataFrame:
    return guarded(s, _query, "record_groups", str(s.db), s.change)


def subject_records(s: Settings, subject_id: int) -> pd.DataFrame:
    return guarded(s, _query, "subject_records", str(s.db), s.change, subject_id)


def audit_log(s: Settings) -> pd.DataFrame:
    return guarded(s, _query, "audit_log", str(s.db), s.change)


def clear_cache() -> None:
    """After any write: every cached query result may be stale."""
    st.cache_data.clear()
    _snapshot.clear()
    _derived.clear()
