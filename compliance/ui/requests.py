"""The Verzoeken page's views: the e-mails te beoordelen (possibly a request) with one-click
decisions, the request desk (urgency, days left, the rule behind each deadline), the actions
on a request, the postal-request form and the classification review of the mailbox.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from compliance import store
from compliance.access_overview import overview_file_name, overview_workbook
from compliance.i18n import STRINGS
from compliance.identity import normalise_email, normalise_kvk
from compliance.policy import REQUEST_TYPE_IDS, UNCLEAR
from compliance.request_desk import desk_rows, extension_problem
from compliance.requests import request_type, respond_by
from compliance.ui.display import fmt_date, md_escape, plural, request_type_label
from compliance.ui.frame import Settings, derived, guarded, paged, snapshot, today

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
        return s.t("req.day_late") if n == -1 else s.t("req.days_late", n=-n)
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
    if found == [UNCLEAR] and cands:
        return s.t("class.unclear_of", types=", ".join(_points_to(s, c) for c in cands))
    return ", ".join(class_label(s, c) for c in found)


@dataclass(frozen=True)
class Reason:
    """One reason a message got its classes, in words: the evidence rows of one finding in
    one sentence together (the sentence read alone and again with the subject, two rules
    for the same thing). The mailbox table and the section te beoordelen both show these."""

    place: str  # where it was found: "tekst", "doorgestuurd bericht"
    sentence: str  # "" when the rule held on the message as a whole (a header)
    what: str  # what it points to: "Opzegging / beëindiging", "een verzoek (soort onbekend)"
    status: str  # "telt", "mogelijk", "ontkend, telt niet"; the server's finding for a sender
    language: str  # "Nederlands", or "" when the rule has no language
    rules: tuple[str, ...]  # the rules of policy.toml that held
    sender: bool = False  # the receiving server could not confirm the sender


_STATUS_ORDER = {"unconfirmed": 0, "counted": 0, "possible": 1, "resembles": 1, "doubted": 1}
LEARNED = frozenset({"resembles", "doubted"})  # compliance.intake.resemblance
_AUTH_RESULT = re.compile(r"\b(spf|dkim|dmarc|header\.from)\s*=\s*([^\s;]+)", re.I)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _worded(s: Settings, prefix: str, code: str, other: str | None = None) -> str:
    """The catalog's words for a code (`prefix.code`); `prefix.other` (or "") when unknown:
    a code never reaches the screen."""
    key = f"{prefix}.{code}"
    if key in STRINGS:
        return s.t(key)
    return s.t(f"{prefix}.{other}") if other else ""


def sender_check(s: Settings, summary: str, sender: str | None = None) -> str:
    """What the server's check of the sender found, in words: "SPF, DKIM en DMARC faalden"
    (the evidence keeps it as the header had it: "spf=fail dkim=none dmarc=fail …")."""
    found = {k.lower(): v.lower().strip(".") for k, v in _AUTH_RESULT.findall(summary or "")}
    results = [found.get(k) for k in ("spf", "dkim", "dmarc")]
    if all(r is not None and r != "pass" for r in results):
        return s.t("reason.check.all_failed")
    domain = found.get("header.from")
    own = (sender or "").rpartition("@")[2].strip().lower()
    if domain and domain != own:
        return s.t("reason.check.other_domain", domain=domain)
    return s.t("reason.check.unknown")


def _points_to(s: Settings, rtype: str | None) -> str:
    if not rtype:
        return s.t("reason.any_request")
    if rtype in REQUEST_TYPE_IDS:
        return request_type_label(s, rtype)
    return _worded(s, "class", rtype) or s.t("reason.any_request")


def _same_finding(m: dict[str, Any], finding: tuple, sentence: str) -> bool:
    """A merged reason `m` says what this row says: the same type, status and place, in a
    sentence that holds this one or is held by it (or neither has a sentence)."""
    if m.get("sender") or (m["type"], m["status"], m["place"]) != finding:
        return False
    if not sentence or not m["sentence"]:
        return not sentence and not m["sentence"]
    return sentence in m["sentence"] or m["sentence"] in sentence


def reasons(s: Settings, evidence: list[dict[str, Any]], sender: str | None = None) -> list[Reason]:
    """The evidence rows of one message (store.message_evidence) as Reasons, counted ones
    first. Rows of the same finding (type and status) in the same place whose sentences
    hold one another become one, with the longer sentence and every rule."""
    rows = sorted(evidence, key=lambda e: (_STATUS_ORDER.get(str(e["status"]), 2), e["position"]))
    merged: list[dict[str, Any]] = []
    for e in rows:
        rtype, status = _text(e.get("type")) or None, str(e["status"])
        place, sentence, rule = str(e["place"]), _text(e.get("sentence")), _text(e["rule"])
        if rtype == "sender":
            merged.append({"sender": True, "rule": rule, "place": place})
            continue
        same = next((m for m in merged if _same_finding(m, (rtype, status, place), sentence)), None)
        if same is None:
            merged.append({"type": rtype, "status": status, "place": place,
                           "sentence": sentence, "rules": [rule],
                           "language": _text(e.get("language"))})  # fmt: skip
            continue
        if len(sentence) > len(same["sentence"]):
            same["sentence"] = sentence
        if rule not in same["rules"]:
            same["rules"].append(rule)
    out = []
    for m in merged:
        if m.get("sender"):
            out.append(Reason(_worded(s, "reason.place", m["place"], "other"), "",
                              s.t("reason.type_sender"), sender_check(s, m["rule"], sender),
                              "", (), sender=True))  # fmt: skip
            continue
        learned = m["status"] in LEARNED
        out.append(
            Reason(
                place=_worded(s, "reason.place", m["place"], "other"),
                sentence=m["sentence"],
                what=_points_to(s, m["type"]),
                # the learned second opinion's "rule" is its likeness, said in the status
                status=s.t(f"reason.status.{m['status']}", likeness=m["rules"][0])
                if learned
                else _worded(s, "reason.status", m["status"], "other"),
                language=_worded(s, "reason.language", m["language"]),
                rules=() if learned else tuple(m["rules"]),
            )
        )
    return out


def rules_text(s: Settings, key: str, rules: tuple[str, ...], between: str) -> str:
    return plural(s, key, len(rules), rules=between.join(rules)) if rules else ""


def reason_line(s: Settings, r: Reason) -> str:
    """One Reason as a line of the mailbox table."""
    if r.sender:
        return s.t("reason.line_sender", check=r.status)
    details = "; ".join(
        p for p in (r.language, rules_text(s, "reason.rules", r.rules, "», «")) if p
    )
    if r.sentence:
        return s.t("reason.line", place=r.place, sentence=r.sentence, what=r.what,
                   status=r.status, details=details)  # fmt: skip
    return s.t("reason.line_plain", place=r.place, what=r.what, status=r.status, details=details)


def reason_text(
    s: Settings,
    evidence: list[dict[str, Any]],
    metadata_only: bool = False,
    sender: str | None = None,
) -> str:
    """The evidence of one message, counted and possible rules first."""
    found = reasons(s, evidence, sender)
    parts = [reason_line(s, r) for r in found[:MAX_REASONS]]
    if len(found) > MAX_REASONS:
        parts.append(s.t("reason.more", n=len(found) - MAX_REASONS))
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
        text = reason_text(s, found, bool(r["metadata_only"]), r["sender"])
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


# ------------------------------------------------------------------------- te beoordelen
REVIEW_PER_PAGE = 10  # e-mails te beoordelen shown at a time
MAX_SHOWN_REASONS = 8  # reasons per e-mail in its card; the rest as "and n more"


def to_review(s: Settings) -> pd.DataFrame:
    """The incoming messages whose effective classes are exactly te beoordelen."""
    df = inbound_messages(s)
    return derived(
        s,
        "to_review",
        lambda: df[pd.Series([_classes(c) == [UNCLEAR] for c in df["classes"]], index=df.index,
                             dtype=bool)],
    )  # fmt: skip


def review_queue(s: Settings) -> pd.DataFrame:
    """to_review with the request that runs for each (its own, or the one of its thread):
    respond_by, days_left, urgency and who from the desk; the earliest deadline first, then
    the oldest message."""
    msgs, rows = to_review(s), desk(s)

    def build() -> pd.DataFrame:
        running = rows[["id", "who", "respond_by", "days_left", "urgency"]].rename(
            columns={"id": "request_id"}
        )
        out = msgs.drop(columns=[c for c in ("who", "respond_by", "days_left", "urgency")
                                 if c in msgs.columns])  # fmt: skip
        out = out.assign(request_id=out["request_id"].astype("Int64")).merge(
            running.assign(request_id=running["request_id"].astype("Int64")),
            on="request_id",
            how="left",
        )
        due = pd.to_datetime(out["respond_by"], errors="coerce")
        order = pd.DataFrame({"due": due, "sent_at": out["sent_at"]})
        return out.loc[order.sort_values(["due", "sent_at"], na_position="last").index]

    return derived(s, "review_queue", build)


def widget_key(message_id: str) -> str:
    """A stable widget key per message: message-ids hold characters keys should not."""
    return "unclear_" + hashlib.sha1(message_id.encode("utf-8")).hexdigest()[:12]


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def decide(s: Settings, message_id: str, subject: str, classes: list[str] | None) -> None:
    """Button callback: the owner's decision on a message te beoordelen, with the standard
    reason; None reads the several types chosen in the message's multiselect."""
    state = st.session_state
    if classes is None:
        classes = list(state.get(f"{widget_key(message_id)}_types") or [])
        if not classes:
            state["_unclear_error"] = (message_id, s.t("unclear.need_types"))
            return
    from compliance.importing import current_actor
    from compliance.ui.frame import clear_cache, error_text, now

    try:
        store.overrule_message(s.db, message_id, classes, s.t("unclear.reason"),
                               current_actor(), now())  # fmt: skip
    except (store.StoreBusy, store.StoreError) as exc:
        state["_unclear_error"] = (message_id, error_text(s, exc))
        return
    clear_cache()
    state["_unclear_done"] = s.t(
        "mail.overruled", subject=md_escape(subject), cls=classes_label(s, classes)
    )


def _deadline_line(s: Settings, m: dict[str, Any]) -> str:
    if _missing(m["request_id"]) or _missing(m.get("urgency")):
        return s.t("unclear.no_request")
    rid = int(m["request_id"])
    if _missing(m["respond_by"]):
        return s.t("unclear.deadline_none", id=rid)
    days = days_text(s, m) or urgency_label(s, m["urgency"])
    colour = {"overdue": "red", "due_soon": "orange"}.get(m["urgency"])
    shown = f":{colour}-badge[{md_escape(days)}]" if colour else md_escape(days)
    return s.t("unclear.deadline", id=rid, date=fmt_date(m["respond_by"]), days=shown)


def _reason_markdown(s: Settings, r: Reason) -> tuple[str, str]:
    """(the reason, its rules in small print) as Markdown for a card."""
    details = " · ".join(
        p for p in (r.status, r.language, s.t("unclear.found_in", place=r.place)) if p
    )
    line = s.t("unclear.evidence", what=md_escape(r.what), details=md_escape(details))
    if r.sentence:
        line = f"«{md_escape(r.sentence)}»  \n{line}"
    return line, md_escape(rules_text(s, "unclear.rules", r.rules, " · "))


def _review_card(s: Settings, m: dict[str, Any], evidence: list[dict[str, Any]]) -> None:
    """One e-mail te beoordelen: what it is, the deadline now running, why, and the
    decisions, each one click."""
    message_id = m["message_id"]
    key = widget_key(message_id)
    subject = m["subject"] if isinstance(m["subject"], str) and m["subject"].strip() else ""
    candidates = [c for c in _classes(m["candidates"]) if c in REQUEST_TYPE_IDS]
    who = m["who"] if isinstance(m.get("who"), str) and m["who"] else m["sender"]
    if who != m["sender"]:
        who = f"{who} ({m['sender']})"
    found = reasons(s, evidence, m["sender"])
    with st.container(border=True):
        st.markdown(f"**{md_escape(subject or s.t('unclear.no_subject'))}**")
        st.caption(s.t("unclear.received", date=m["sent_at"].strftime("%Y-%m-%d %H:%M"),
                       who=md_escape(who)))  # fmt: skip
        st.markdown(
            s.t("unclear.may_be", types=md_escape(", ".join(_points_to(s, c) for c in candidates)))
            if candidates
            else s.t("unclear.may_be_any")
        )
        st.markdown(_deadline_line(s, m))
        for r in found:
            if r.sender:
                st.warning(s.t("unclear.forged", check=r.status), icon=":material/gpp_maybe:")
        shown = [r for r in found if not r.sender]
        st.markdown(f"**{s.t('unclear.why')}**")
        if not shown:
            st.caption(s.t("unclear.no_evidence"))
        for r in shown[:MAX_SHOWN_REASONS]:
            line, rules = _reason_markdown(s, r)
            st.markdown(line)
            if rules:
                st.caption(rules)
        if len(shown) > MAX_SHOWN_REASONS:
            st.caption(s.t("reason.more", n=len(shown) - MAX_SHOWN_REASONS))

        shown_subject = subject or s.t("unclear.no_subject")
        with st.container(horizontal=True):
            for c in candidates:
                st.button(
                    s.t("unclear.confirm", type=request_type_label(s, c)),
                    key=f"{key}_{c}",
                    help=s.t("unclear.confirm_help"),
                    type="primary",
                    icon=":material/check:",
                    on_click=decide,
                    args=(s, message_id, shown_subject, [c]),
                )
            st.button(
                s.t("unclear.dismiss"),
                key=f"{key}_contact",
                help=s.t("unclear.dismiss_help"),
                icon=":material/close:",
                on_click=decide,
                args=(s, message_id, shown_subject, ["contact"]),
            )
            st.button(
                s.t("unclear.noise"),
                key=f"{key}_noise",
                help=s.t("unclear.noise_help"),
                type="tertiary",
                on_click=decide,
                args=(s, message_id, shown_subject, ["noise"]),
            )
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.multiselect(
            s.t("unclear.several"),
            [*candidates, *(t for t in REQUEST_TYPE_IDS if t not in candidates)],
            format_func=lambda v: request_type_label(s, v),
            placeholder=s.t("unclear.several_hint"),
            key=f"{key}_types",
        )
        right.button(
            s.t("unclear.confirm_several"),
            key=f"{key}_several",
            on_click=decide,
            args=(s, message_id, shown_subject, None),
        )
        error = st.session_state.get("_unclear_error")
        if error and error[0] == message_id:
            st.session_state.pop("_unclear_error")
            st.error(error[1])


def render_to_review(s: Settings) -> None:
    """The section te beoordelen at the top of the Verzoeken page; nothing when there is
    nothing to review (but the last decision's confirmation)."""
    state = st.session_state
    if done := state.pop("_unclear_done", None):
        st.success(done, icon=":material/check_circle:")
    queue = review_queue(s)
    if queue.empty:
        state.pop("_unclear_error", None)
        return
    st.subheader(s.t("unclear.title"), anchor="te-beoordelen")
    st.markdown(plural(s, "unclear.headline", len(queue)))
    st.caption(s.t("unclear.explain"))
    page, slot = paged(queue, "unclear_page", REVIEW_PER_PAGE)
    evidence = evidence_of(s, list(page["message_id"]))
    with slot:
        for m in page.to_dict("records"):
            _review_card(s, m, evidence.get(m["message_id"], []))
    if error := state.pop("_unclear_error", None):  # its message is on another page now
        st.error(error[1])
    st.divider()
