"""The login gate in front of every page.

With a password configured (see compliance/auth.py) every page asks for it first; a session
ends after SESSION_MINUTES without activity or with "Afmelden". Without a password the
dashboard refuses to show anything unless it listens on this computer only.
"""

from __future__ import annotations

import contextlib
import threading
import time
from datetime import datetime
from pathlib import Path

import streamlit as st

from compliance import auth, store
from compliance.i18n import t
from compliance.importing import current_actor

_OK = "_auth_ok"
_SEEN = "_auth_seen"
_LOCK = threading.Lock()


@st.cache_resource(show_spinner=False)
def _throttle() -> auth.Throttle:
    """One failure counter for the whole server process."""
    return auth.Throttle()


def _log(db: Path, action: str, detail: dict) -> None:
    # A busy database must not lock the owner out: the event is then only not logged.
    with contextlib.suppress(store.StoreBusy, store.StoreError):
        store.log_event(db, current_actor(), action, detail, datetime.now())


def _logout(db: Path) -> None:
    st.session_state[_OK] = False
    _log(db, "logout", {})


def require_login(lang: str, db: Path) -> None:
    """Return when the visitor may see the page; otherwise draw the login form and stop."""
    stored = auth.configured_hash()
    if stored is None:
        visitor = st.context.ip_address
        local = auth.serves_this_computer_only(
            st.get_option("server.address"),
            auth.own_listening_addresses(),
            visitor if isinstance(visitor, str) else None,  # a test's stand-in client has none
        )
        if not local:
            st.error(t("auth.no_password_remote", lang))
            st.stop()
        return
    state = st.session_state
    now = time.time()
    if state.get(_OK) and now - state.get(_SEEN, 0.0) < auth.SESSION_MINUTES * 60:
        state[_SEEN] = now
        st.sidebar.button(
            t("auth.logout", lang), on_click=_logout, args=(db,), icon=":material/logout:"
        )
        return
    if state.get(_OK):
        state[_OK] = False
        st.info(t("auth.expired", lang, minutes=auth.SESSION_MINUTES))
    _login_form(lang, db, stored)
    st.stop()


def _login_form(lang: str, db: Path, stored: str) -> None:
    st.title(t("auth.title", lang))
    with st.form("login"):
        password = st.text_input(t("auth.password", lang), type="password")
        submitted = st.form_submit_button(t("auth.submit", lang), type="primary")
    if not submitted:
        return
    throttle = _throttle()
    with _LOCK:
        wait = throttle.wait_seconds(time.time())
        if wait:
            st.error(t("auth.wait", lang, seconds=wait))
            return
        ok = auth.verify_password(stored, password)
        if ok:
            throttle.succeeded()
        else:
            throttle.failed(time.time())
    if ok:
        st.session_state[_OK] = True
        st.session_state[_SEEN] = time.time()
        _log(db, "login", {})
        st.rerun()
    _log(db, "login_failed", {})
    st.error(t("auth.wrong", lang))
