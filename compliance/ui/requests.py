"""The Verzoeken page's views: the request desk (urgency, days left, the rule behind each
deadline), the actions on a request, the postal-request form and the classification review
of the mailbox.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from compliance import store
from compliance.access_overview import overview_file_name, overview_workbook
from compliance.i18n import STRINGS
from compliance.identity import normalise_email, normalise_kvk
from compliance.policy import REQUEST_TYPE_IDS
from compliance.request_desk import desk_rows, extension_problem
from compliance.requests import request_type, respond_by
from compliance.ui.display import fmt_date, md_escape, request_type_label
from compliance.ui.frame import Settings, derived, guarded, snapshot, today

OPEN_URGENCIES = ("overdue", "due_soon", "open", "logged")
ALL_URGENCIES = (*OPEN_URGENCIES, "answered", "rejected")
URGENCY_COLOURS = {  # shown word -> a STATUS_COLOURS key of compliance.ui.display
    "overdue": "overdue",
    "due_soon": "due_soon",
    "open": "open",
    "logged": "open",
    "answered": "answered",
    "rejected": "kept",
}
ACTIONS = ("answered", "extended", "rejected")
MAIL_FILTERS = ("requests", "unclear", "contact", "noise", "overruled")


# ------------------------------------------------------------------------- loaders
# Shared, not copied per rerun (read-only): 100 000 messages take half a second to copy.
@st.cache_resource(show_spinner=False, max_entries=16)
def _load(name: str, db: str, change: int) -> pd.DataFrame:
    return getattr(store, name)(db)


def outcomes(s: Settings) -> pd.DataFrame:
    return guarded(s, _load, "request_outcomes", str(s.db), s.change)


def messages(s: Settings) -> pd.DataFrame:
    return guarded(s, _load, "messages", str(s.db), s.change)


def desk(s: Settings) -> pd.DataFrame:
    return derived(
        s, "request_desk", lambda: desk_rows(snapshot(s).requests, outcomes(s), s.policy,
                                             s.cal, s.as_of)
    )  # fmt: skip


# ------------------------------------------------------------------------- the desk table
def urgency_label(s: Settings, urgency: str) -> str:
    return s.t(f"urgency.{urgency}")


def urgency_keys(s: Settings) -> dict[str, str]:
    return {urgency_label(s, u): c for u, c in URGENCY_COLOURS.items()}


def days_text(s: Settings, row: dict[str, Any]) -> str:
    n = row["days_left"]
    if n is None or pd.isna(n) or row["urgency"] in ("answered", "rejected"):
        return ""
    n = int(n)
    if n < 0:
        return s.t("req.days_late", n=-n)
    if n == 0:
        return s.t("req.today")
    return s.t("req.day_left") if n == 1 else s.t("req.days_left", n=n)


def rule_text(s: Settings, row: dict[str, Any]) -> str:
    """'ontvangen 2026-11-20 + 5 werkdagen', with the extension when there is one."""
    received = fmt_date(row["received_on"])
    if row["rule_unit"] is None or pd.isna(row["rule_unit"]):
        return s.t("req.rule_none")
    key = "req.rule_working_days" if row["rule_unit"] == "working_days" else "req.rule_months"
    text = s.t(key, date=received, n=int(row["rule_n"]))
    if row["extended"] and row["extension_months"]:
        text += s.t(
            "req.rule_extended", n=int(row["extension_months"]), told=fmt_date(row["extended_on"])
        )
    return text


def filter_desk(rows: pd.DataFrame, urgencies: list[str], types: list[str]) -> pd.DataFrame:
    mask = rows["urgency"].isin(urgencies)
    if types:
        mask &= rows["type"].isin(types)
    return rows[mask]


def desk_table(s: Settings, rows: pd.DataFrame) -> pd.DataFrame:
    records = rows.to_dict("records")
    notes = []
    for r in records:
        parts = [p for p in (r["note"], r["extension_note"]) if p and not pd.isna(p)]
        if r["answer_message_id"] and not pd.isna(r["answer_message_id"]):
            parts.append(s.t("req.answered_by_mail"))
        notes.append(" · ".join(str(p) for p in parts))
    table = pd.DataFrame(
        {
            s.t("col.request_id"): rows["id"],
            s.t("col.request_type"): [request_type_label(s, v) for v in rows["type"]],
            s.t("col.from"): rows["who"],
            s.t("req.col_channel"): [s.t(f"channel.{v}") for v in rows["channel"]],
            s.t("col.received_on"): [fmt_date(v) for v in rows["received_on"]],
            s.t("col.respond_by"): [fmt_date(v) for v in rows["respond_by"]],
            s.t("req.col_days_left"): [days_text(s, r) for r in records],
            s.t("req.col_urgency"): [urgency_label(s, v) for v in rows["urgency"]],
            s.t("req.col_rule"): [rule_text(s, r) for r in records],
            s.t("col.answered_on"): [fmt_date(v, "") for v in rows["answered_on"]],
            s.t("req.col_note"): notes,
        }
    )
    # Open requests have no answer date or note yet: leave out columns that are all empty.
    optional = [s.t("col.answered_on"), s.t("req.col_note")]
    return table.drop(columns=[c for c in optional if not table[c].astype(bool).any()])


# A picker lists at most this many (the most urgent or newest first): every option is
# sent to the browser on each rerun, and nobody scrolls through more.
MAX_CHOICES = 1000


def request_choices(s: Settings, rows: pd.DataFrame) -> dict[int, str]:
    return {
        int(r["id"]): f"{int(r['id'])} · {request_type_label(s, r['type'])} · {r['who']} · "
        f"{fmt_date(r['received_on'])}"
        for r in rows.head(MAX_CHOICES).to_dict("records")
    }


# ------------------------------------------------------------------------- actions
def record_action(s: Settings, rows: pd.DataFrame) -> None:
    """Form callback for answered / extended / rejected; the result goes to session state."""
    state = st.session_state
    request_id, action = state["req_pick"], state["req_action"]
    on, note = state["req_date"], (state.get("req_note") or "").strip()
    row = rows[rows["id"] == request_id].iloc[0]
    if on is None:
        state["_req_error"] = s.t("req.need_date")
        return
    if action == "rejected" and not note:
        state["_req_error"] = s.t("req.need_note_rejected")
        return
    rtype = request_type(s.policy, row["type"], row.get("candidates"))
    if action == "extended":
        problem = extension_problem(rtype, row["received_on"], on, s.cal)
        if problem == "told_too_late":
            first = respond_by(rtype, row["received_on"], s.cal)
            state["_req_error"] = s.t("req.told_too_late", date=fmt_date(first))
            return
        if problem:
            state["_req_error"] = s.t(f"req.{problem}")
            return
        if not note:
            state["_req_error"] = s.t("req.need_note_extended")
            return
    elif on < row["received_on"]:
        state["_req_error"] = s.t("req.before_received")
        return
    from compliance.importing import current_actor
    from compliance.ui.frame import clear_cache, error_text, now

    try:
        if action == "extended":
            store.record_extension(s.db, int(request_id), on, note, current_actor(), now())
        else:
            store.record_outcome(s.db, int(request_id), action, on, note, current_actor(), now())
    except (store.StoreBusy, store.StoreError) as exc:
        state["_req_error"] = error_text(s, exc)
        return
    clear_cache()
    what = f"{s.t(f'req.act_{action}').lower()} {fmt_date(on)}"
    state["_req_done"] = s.t("req.recorded", id=int(request_id), what=what)
    state["req_note"] = ""


def add_postal_request(s: Settings) -> None:
    """Form callback: a letter received by post."""
    state = st.session_state
    name = (state.get("add_name") or "").strip() or None
    email_raw = (state.get("add_email") or "").strip()
    kvk_raw = (state.get("add_kvk") or "").strip()
    email = normalise_email(email_raw) if email_raw else None
    kvk = normalise_kvk(kvk_raw) if kvk_raw else None
    received = state.get("add_received")
    if not (name or email_raw or kvk_raw):
        state["_add_error"] = s.t("req.add_need_who")
    elif email_raw and email is None:
        state["_add_error"] = s.t("req.add_bad_email", value=email_raw)
    elif kvk_raw and kvk is None:
        state["_add_error"] = s.t("req.add_bad_kvk", value=kvk_raw)
    elif received is None:
        state["_add_error"] = s.t("req.need_date")
    elif received > today():
        state["_add_error"] = s.t("req.add_future")
    else:
        from compliance.importing import current_actor
        from compliance.ui.frame import clear_cache, error_text, now

        try:
            request_id, _subject = store.add_request(
                s.db, type=state["add_type"], received_on=received, channel="post",
                actor=current_actor(), now=now(), name=name, email=email, kvk=kvk,
            )  # fmt: skip
        except (store.StoreBusy, store.StoreError) as exc:
            state["_add_error"] = error_text(s, exc)
            return
        clear_cache()
        state["_add_done"] = s.t("req.added", id=request_id)
        for key in ("add_name", "add_email", "add_kvk"):
            state[key] = ""


# ------------------------------------------------------------------------- access overview
def access_choices(s: Settings, rows: pd.DataFrame) -> dict[int, str]:
    access = rows[(rows["type"] == "access") & rows["subject_id"].notna()]
    return {
        int(r["id"]): f"{int(r['id'])} · {r['who']} · {fmt_date(r['received_on'])}"
        for r in access.to_dict("records")
    }


@st.cache_data(show_spinner=False, max_entries=8)
def _overview_bytes(
    db: str, change: int, subject_id: int, as_of: date, lang: str, _policy: Any
) -> bytes:
    return overview_workbook(db, _policy, subject_id, as_of, lang).to_bytes()


def access_file_name(s: Settings, name: str) -> str:
    return overview_file_name(name, s.as_of, s.lang)


def overview_bytes(s: Settings, subject_id: int) -> bytes:
    return guarded(s, _overview_bytes, str(s.db), s.change, subject_id, s.as_of, s.lang, s.policy)


# ------------------------------------------------------------------------- classification
MAX_REASONS = 4  # evidence lines per message in the table; the rest as "and n more"


def _classes(values: Any) -> list[str]:
    """A list column's value (numpy array, list, or None, NaN, NA) as a plain list."""
    if values is None or isinstance(values, str) or not hasattr(values, "__iter__"):
        return []
    return [str(v) for v in values]


def _overruled(value: Any) -> bool:
    return bool(_classes(value))


def class_label(s: Settings, cls: str) -> str:
    return s.t(f"class.{cls}")


def classes_label(s: Settings, classes: Any, candidates: Any = None) -> str:
    """All classes of a message, joined: "opzegging, verzoek tot verwijdering"; one te
    beoordelen with the types it may be."""
    found = _classes(classes)
    cands = _classes(candidates)
    if found == ["unclear"] and cands:
        return s.t("class.unclear_of", types=", ".join(class_label(s, c) for c in cands))
    return ", ".join(class_label(s, c) for c in found)


def reason_line(s: Settings, e: dict[str, Any]) -> str:
    """One evidence row as words: where, what it made of it, the rule and the sentence."""
    rtype = e.get("type")
    if rtype is None or (isinstance(rtype, float) and pd.isna(rtype)):
        type_text = s.t("reason.any_request")
    elif rtype == "sender":
        type_text = s.t("reason.type_sender")
    else:
        type_text = class_label(s, str(rtype))
    status = str(e["status"])
    key = f"reason.status.{status}"
    what = s.t(key, type=type_text) if key in STRINGS else f"{type_text} ({status})"
    place = str(e["place"])
    place_key = f"reason.place.{place}"
    where = s.t(place_key) if place_key in STRINGS else place
    sentence = e.get("sentence")
    if isinstance(sentence, str) and sentence:
        return s.t("reason.line", place=where, sentence=sentence, what=what, rule=e["rule"])
    return s.t("reason.line_plain", place=where, what=what, rule=e["rule"])


def reason_text(s: Settings, evidence: list[dict[str, Any]], metadata_only: bool = False) -> str:
    """The evidence of one message, counted and possible rules first."""
    order = {"counted": 0, "unconfirmed": 0, "possible": 1}
    rows = sorted(evidence, key=lambda e: (order.get(str(e["status"]), 2), e["position"]))
    parts = [reason_line(s, e) for e in rows[:MAX_REASONS]]
    if len(rows) > MAX_REASONS:
        parts.append(s.t("reason.more", n=len(rows) - MAX_REASONS))
    if metadata_only:
        parts.append(s.t("reason.metadata_only"))
    return "; ".join(parts) or s.t("reason.none")


@st.cache_data(show_spinner=False, max_entries=32)
def _evidence(db: str, change: int, message_ids: tuple[str, ...]) -> pd.DataFrame:
    return store.message_evidence(db, message_ids)


def evidence_of(s: Settings, message_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The evidence rows of these messages (a page of the table), by message-id."""
    found = guarded(s, _evidence, str(s.db), s.change, tuple(message_ids))
    out: dict[str, list[dict[str, Any]]] = {}
    for e in found.to_dict("records"):
        out.setdefault(e["message_id"], []).append(e)
    return out


def inbound_messages(s: Settings) -> pd.DataFrame:
    df = messages(s)
    return derived(s, "inbound_messages", lambda: df[df["direction"] == "inbound"])


def filter_messages(df: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    first = pd.Series([next(iter(_classes(c)), "") for c in df["classes"]], index=df.index)
    mask = pd.Series(False, index=df.index)
    if "requests" in chosen:
        mask |= first.isin(REQUEST_TYPE_IDS)
    if "unclear" in chosen:
        mask |= first == "unclear"
    if "contact" in chosen:
        mask |= first == "contact"
    if "noise" in chosen:
        mask |= first == "noise"
    if "overruled" in chosen:
        mask |= df["overruled_to"].notna()
    return df[mask]


def messages_table(s: Settings, df: pd.DataFrame) -> pd.DataFrame:
    evidence = evidence_of(s, list(df["message_id"]))
    why = []
    for r in df.to_dict("records"):
        found = evidence.get(r["message_id"], [])
        text = reason_text(s, found, bool(r["metadata_only"]))
        if _overruled(r["overruled_to"]):
            text = s.t(
                "mail.overruled_note",
                actor=r["overruled_by"],
                reason=r["overrule_reason"],
                automatic=classes_label(s, r["automatic"], r["candidates"]),
            ) + (f" — {text}" if found else "")
        why.append(text)
    overruled = [_overruled(v) for v in df["overruled_to"]]
    return pd.DataFrame(
        {
            s.t("mail.col_date"): [v.strftime("%Y-%m-%d %H:%M") for v in df["sent_at"]],
            s.t("mail.col_from"): df["sender"],
            s.t("mail.col_subject"): df["subject"],
            s.t("mail.col_class"): [
                classes_label(s, c, None if o else cands)
                for c, cands, o in zip(df["classes"], df["candidates"], overruled, strict=True)
            ],
            s.t("mail.col_why"): why,
            s.t("mail.col_request"): [
                ", ".join(str(int(i)) for i in _classes(ids))
                or ("" if v is None or pd.isna(v) else str(int(v)))
                for ids, v in zip(df["request_ids"], df["request_id"], strict=True)
            ],
        }
    )


def message_choices(s: Settings, df: pd.DataFrame) -> dict[str, str]:
    return {
        r["message_id"]: f"{r['sent_at'].strftime('%Y-%m-%d')} · {r['sender']} · "
        f"{r['subject'] or '—'} · {classes_label(s, r['classes'])}"
        for r in df.head(MAX_CHOICES).to_dict("records")
    }


def overrule(s: Settings, df: pd.DataFrame) -> None:
    """Form callback: the owner's classes for one message (request types, or one of
    contact, noise, te beoordelen), with a reason."""
    from compliance.store.messages import checked_classes

    state = st.session_state
    message_id = state["mail_pick"]
    chosen = list(state.get("mail_to") or [])
    reason = (state.get("mail_reason") or "").strip()
    current = df[df["message_id"] == message_id].iloc[0]
    if not chosen:
        state["_mail_error"] = s.t("mail.overrule_need_class")
        return
    try:
        chosen = checked_classes(chosen)
    except store.StoreError:
        state["_mail_error"] = s.t("mail.overrule_mixed")
        return
    if not reason:
        state["_mail_error"] = s.t("mail.overrule_need_reason")
        return
    if chosen == _classes(current["classes"]):
        state["_mail_error"] = s.t("mail.overrule_same")
        return
    from compliance.importing import current_actor
    from compliance.ui.frame import clear_cache, error_text, now

    try:
        store.overrule_message(s.db, message_id, chosen, reason, current_actor(), now())
    except (store.StoreBusy, store.StoreError) as exc:
        state["_mail_error"] = error_text(s, exc)
        return
    clear_cache()
    state["_mail_done"] = s.t(
        "mail.overruled", subject=md_escape(current["subject"]), cls=classes_label(s, chosen)
    )
    state["mail_reason"] = ""
