"""Mailbox messages in the store: loading them with their evidence, the requests they are,
the answers found in the same thread, and the owner's overrule of their classes.

Everything here runs inside the caller's transaction (`load_messages` is called by
`load_export`) or opens its own (`overrule_message`). After either, `sync_mailbox` makes
the `requests` table agree with the messages: per message whose effective classes (the
overrule, else the automatic ones) hold request types, one request per type; for a message
te beoordelen ('unclear') one request of type 'unclear' with the types it may be as its
candidates. Each is answered on the date of the first reply sent from an own address in
the same thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from compliance.intake.verdict import CONTACT, NOISE, UNCLEAR, is_reply
from compliance.policy import REQUEST_TYPE_IDS
from compliance.store.connection import (
    Connection,
    StoreError,
    append_audit,
    next_id,
    reading,
    writing,
)
from compliance.store.connection import frame as _frame
from etl.model import ParsedExport

SOURCE = "mailbox"
# What the owner can make of an incoming message: request types (several at once), or
# exactly one of te beoordelen, ordinary contact, noise.
CLASSES = (*REQUEST_TYPE_IDS, UNCLEAR, CONTACT, NOISE)
_SINGLE_CLASSES = (UNCLEAR, CONTACT, NOISE)
EVIDENCE_COLUMNS = ["message_id", "position", "type", "status", "rule", "language", "place",
                    "sentence"]  # fmt: skip
_SUBJECT_PREFIX = re.compile(
    r"^\s*((re|aw|antw|antwoord|fw|fwd|doorst|wg|tr|sv|vs)(\[\d+\])?\s*:\s*|\[[^\]]*\]\s*)+",
    re.I,
)


def normalised_subject(subject: str | None) -> str:
    """'Re: AW: Doorst: Inzage' -> 'inzage': how a reply's subject is matched to a request."""
    text = subject or ""
    previous = None
    while previous != text:
        previous = text
        text = _SUBJECT_PREFIX.sub("", text)
    return " ".join(text.lower().split())


# ------------------------------------------------------------------------- loading
def load_messages(
    conn: Connection,
    parsed: ParsedExport,
    import_id: int,
    actor: str,
    now: datetime,
) -> dict[str, int]:
    """Upsert the messages of one export (a message's evidence replaced by the latest
    reading), then bring requests and answers up to date."""
    rows = [
        {
            "message_id": m.message_id,
            "sent_at": m.sent_at,
            "sender": m.sender,
            "recipients": list(m.recipients),
            "subject": m.subject,
            "direction": m.direction,
            "counterpart": m.counterpart,
            "classes": list(m.classes),
            "candidates": list(m.candidates),
            "language": m.language,
            "in_reply_to": m.in_reply_to,
            "refs": list(dict.fromkeys([*(m.references or ()), *filter(None, [m.in_reply_to])])),
            "metadata_only": m.metadata_only,
        }
        for m in parsed.messages
    ]
    if not rows:
        return {"messages_new": 0}
    df = pd.DataFrame(rows).drop_duplicates("message_id", keep="last")
    df["import_id"] = import_id
    # The evidence of the row kept for each message-id (the last, as drop_duplicates keeps).
    latest = {m.message_id: m for m in parsed.messages}
    evidence = pd.DataFrame(
        [
            {"message_id": mid, "position": i, **e.as_dict()}
            for mid, m in latest.items()
            for i, e in enumerate(m.evidence)
        ],
        columns=EVIDENCE_COLUMNS,
    )
    conn.register("incoming_messages", df)
    new = conn.execute(
        "SELECT count(*) FROM incoming_messages i WHERE NOT EXISTS "
        "(SELECT 1 FROM messages m WHERE m.message_id = i.message_id)"
    ).fetchall()[0][0]
    conn.execute("""
        INSERT INTO messages (message_id, sent_at, sender, recipients, subject, direction,
                              counterpart, classes, candidates, language, in_reply_to, refs,
                              metadata_only, first_import_id, last_import_id)
        SELECT message_id, sent_at, sender, recipients::VARCHAR[], subject, direction,
               counterpart, classes::VARCHAR[], candidates::VARCHAR[], language::VARCHAR,
               in_reply_to, refs::VARCHAR[], metadata_only, import_id, import_id
        FROM incoming_messages
        ON CONFLICT (message_id) DO UPDATE SET
            sent_at = excluded.sent_at, sender = excluded.sender,
            recipients = excluded.recipients, subject = excluded.subject,
            direction = excluded.direction, counterpart = excluded.counterpart,
            classes = excluded.classes, candidates = excluded.candidates,
            language = excluded.language,
            in_reply_to = excluded.in_reply_to, refs = excluded.refs,
            metadata_only = messages.metadata_only AND excluded.metadata_only,
            last_import_id = excluded.last_import_id
    """)
    conn.execute(
        "DELETE FROM message_evidence WHERE message_id IN "
        "(SELECT message_id FROM incoming_messages)"
    )
    conn.unregister("incoming_messages")
    if len(evidence):
        conn.register("incoming_evidence", evidence)
        conn.execute("""
            INSERT INTO message_evidence
            SELECT message_id, position::INTEGER, type::VARCHAR, status, rule,
                   language::VARCHAR, place, sentence
            FROM incoming_evidence
        """)
        conn.unregister("incoming_evidence")
    counts = sync_mailbox(conn, actor, now)
    return {"messages_new": int(new), **counts}


# ------------------------------------------------------------------------- requests
def _effective(conn: Connection) -> pd.DataFrame:
    return _frame(
        conn,
        """
        SELECT m.message_id, m.sent_at, m.sender, m.subject, m.counterpart, m.refs,
               coalesce(o.classes, m.classes) AS classes, m.candidates
        FROM messages m LEFT JOIN message_overrules o ON o.message_id = m.message_id
        WHERE m.direction = 'inbound' ORDER BY m.sent_at, m.message_id
        """,
    )


def _listed(values: Iterable[str] | None) -> list[str]:
    """A DuckDB list as it arrives (a numpy array, a list, or None) as a plain list."""
    return [] if values is None else [str(v) for v in values]


def wanted_requests(classes: Sequence[str], candidates: Sequence[str]) -> dict[str, list[str]]:
    """The requests a message with these effective classes is: request type -> candidates
    (only a request of type 'unclear' has any)."""
    classes = list(classes)
    if classes == [UNCLEAR]:
        return {UNCLEAR: [c for c in candidates if c in REQUEST_TYPE_IDS]}
    return {c: [] for c in dict.fromkeys(classes) if c in REQUEST_TYPE_IDS}


def _subject_for(conn: Connection, email: str, when: datetime, now: datetime) -> int:
    """The subject an address belongs to; a new one (source mailbox) when nobody has it."""
    row = conn.execute(
        "SELECT subject_id FROM subject_identifiers WHERE kind = 'email' AND value = ?", [email]
    ).fetchall()
    if row:
        return row[0][0]
    subject_id = next_id(conn, "subjects")
    conn.execute(
        "INSERT INTO subjects VALUES (?, ?, NULL, false, ?, NULL)", [subject_id, email, now]
    )
    conn.execute(
        "INSERT INTO subject_identifiers VALUES ('email', ?, ?, 'mailbox') ON CONFLICT DO NOTHING",
        [email, subject_id],
    )
    conn.execute(
        "INSERT INTO source_subjects VALUES ('mailbox', ?, ?, ?, false, ?, ?, 0, 0) "
        "ON CONFLICT DO NOTHING",
        [email, subject_id, email, when.date(), when.date()],
    )
    # The mailbox holds their address: a contact record, so the prospect clock runs.
    conn.execute(
        "INSERT INTO records VALUES (?, ?, 'contact', 'mailbox', ?, ['name', 'email'], NULL, "
        "'e-mail', ?, ?, ?, NULL, NULL, NULL, NULL, 0, 0) ON CONFLICT DO NOTHING",
        [next_id(conn, "records"), subject_id, email, when.date(), now.date(), now.date()],
    )
    return subject_id


def _removal_order(types: Iterable[str]) -> list[str]:
    """Rows to give up, te beoordelen first: confirming it keeps its number."""
    order = {t: i for i, t in enumerate((UNCLEAR, *REQUEST_TYPE_IDS))}
    return sorted(types, key=lambda t: order.get(t, len(order)))


def sync_mailbox(conn: Connection, actor: str, now: datetime) -> dict[str, int]:
    """Make requests agree with the effective classes, find answers, move contact dates.

    Per message and request type one row (source_ref = the message-id). When a message's
    types change (the owner confirms a te beoordelen as termination and erasure), a row
    that is no longer wanted is retyped to a type that is new (keeping its number, its
    outcome and its audit trail), other new types get a row of their own, and rows left
    over are removed."""
    counts = {"requests_new": 0, "requests_changed": 0, "requests_removed": 0, "answered": 0}
    # message-id -> request type -> (request id, candidates)
    existing: dict[str, dict[str, tuple[int, list[str]]]] = {}
    for rid, rtype, ref, cands in conn.execute(
        "SELECT id, type, source_ref, candidates FROM requests WHERE source = ? ORDER BY id",
        [SOURCE],
    ).fetchall():
        existing.setdefault(ref, {})[rtype] = (rid, _listed(cands))
    # A reminder in the thread of a request ("I have not heard back about my access
    # request") is part of that request, not a new one: same type, same sender, and the
    # earlier message referenced, or a reply ("Re:") with the same subject.
    threads: dict[tuple[str, str, str], str] = {}
    for m in _effective(conn).to_dict("records"):
        mid = m["message_id"]
        classes = _listed(m["classes"])
        wanted = wanted_requests(classes, _listed(m["candidates"]))
        have = existing.get(mid, {})
        subject = normalised_subject(m["subject"])
        earlier = {t for ref in _listed(m["refs"]) for t in existing.get(ref, {}) if ref != mid}
        reply = is_reply(m["subject"], None)
        for rtype in list(wanted):
            if rtype in have:
                continue
            topic = (m["sender"], rtype, subject)
            if rtype in earlier or (reply and bool(subject) and topic in threads):
                del wanted[rtype]  # a follow-up of an earlier request of this type
        for rtype in wanted:
            threads.setdefault((m["sender"], rtype, subject), mid)
        gone = _removal_order(t for t in have if t not in wanted)
        added = [t for t in wanted if t not in have]
        for rtype, cands in wanted.items():  # te beoordelen read again: other candidates
            if rtype in have and have[rtype][1] != cands:
                rid = have[rtype][0]
                conn.execute(
                    "UPDATE requests SET candidates = ? WHERE id = ?", [cands or None, rid]
                )
                append_audit(conn, actor, "request_retyped", {
                    "request_id": rid, "from": rtype, "to": rtype, "message_id": mid,
                    "candidates_before": have[rtype][1], "candidates": cands,
                }, now)  # fmt: skip
                have[rtype] = (rid, cands)
                counts["requests_changed"] += 1
        while gone and added:
            old, rtype = gone.pop(0), added.pop(0)
            rid, old_cands = have.pop(old)
            cands = wanted[rtype]
            conn.execute(
                "UPDATE requests SET type = ?, candidates = ? WHERE id = ?",
                [rtype, cands or None, rid],
            )
            append_audit(conn, actor, "request_retyped", {
                "request_id": rid, "from": old, "to": rtype, "message_id": mid,
                **({"candidates_before": old_cands} if old_cands else {}),
            }, now)  # fmt: skip
            have[rtype] = (rid, cands)
            counts["requests_changed"] += 1
        for rtype in added:
            sent_at = pd.Timestamp(m["sent_at"]).to_pydatetime()
            subject_id = _subject_for(conn, m["sender"], sent_at, now)
            rid = next_id(conn, "requests")
            cands = wanted[rtype]
            conn.execute(
                "INSERT INTO requests (id, type, subject_id, name, email, kvk, channel, "
                "received_on, answered_on, extended, source, source_ref, created_at, "
                "created_by, candidates) "
                "VALUES (?, ?, ?, NULL, ?, NULL, 'email', ?, NULL, false, ?, ?, ?, ?, ?)",
                [rid, rtype, subject_id, m["sender"], sent_at.date(), SOURCE, mid, now, actor,
                 cands or None],
            )  # fmt: skip
            append_audit(conn, actor, "request_add", {
                "request_id": rid, "type": rtype, "subject_id": subject_id,
                "received_on": sent_at.date(), "channel": "email", "source": SOURCE,
                "message_id": mid, **({"candidates": cands} if rtype == UNCLEAR else {}),
            }, now)  # fmt: skip
            have[rtype] = (rid, cands)
            counts["requests_new"] += 1
        for old in gone:
            rid, _ = have.pop(old)
            before = _frame(conn, "SELECT * FROM requests WHERE id = ?", [rid])
            conn.execute("DELETE FROM request_outcomes WHERE request_id = ?", [rid])
            conn.execute("DELETE FROM requests WHERE id = ?", [rid])
            detail = {k: str(v) for k, v in before.to_dict("records")[0].items()}
            reason = f"message classified as {', '.join(classes)}"
            append_audit(conn, actor, "request_removed", {**detail, "reason": reason}, now)
            counts["requests_removed"] += 1
        if have:
            existing[mid] = have
        else:
            existing.pop(mid, None)
    counts["answered"] = _match_answers(conn, actor, now)
    _move_contact_dates(conn)
    return counts


def _match_answers(conn: Connection, actor: str, now: datetime) -> int:
    """Open mailbox requests answered by a later message from an own address in the same
    thread (In-Reply-To/References, else the same subject to the same person)."""
    open_requests = _frame(
        conn,
        """
        SELECT r.id, r.email, m.message_id, m.sent_at, m.subject
        FROM requests r JOIN messages m ON m.message_id = r.source_ref
        LEFT JOIN request_outcomes o ON o.request_id = r.id
        WHERE r.source = 'mailbox' AND r.answered_on IS NULL AND o.outcome IS NULL
        """,
    )
    if open_requests.empty:
        return 0
    replies = _frame(
        conn,
        """
        SELECT message_id, sent_at, subject, recipients, refs FROM messages
        WHERE direction = 'outbound' ORDER BY sent_at, message_id
        """,
    ).to_dict("records")
    answered = 0
    for r in open_requests.to_dict("records"):
        topic = normalised_subject(r["subject"])
        found = None
        for m in replies:
            if m["sent_at"] < r["sent_at"]:
                continue
            in_thread = r["message_id"] in list(m["refs"])
            same_topic = (
                bool(topic)
                and normalised_subject(m["subject"]) == topic
                and r["email"] in list(m["recipients"])
            )
            if in_thread or same_topic:
                found = m
                break
        if found is None:
            continue
        on = pd.Timestamp(found["sent_at"]).date()
        conn.execute("UPDATE requests SET answered_on = ? WHERE id = ?", [on, r["id"]])
        conn.execute(
            """
            INSERT INTO request_outcomes (request_id, answer_message_id, updated_at, updated_by)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (request_id) DO UPDATE SET
                answer_message_id = excluded.answer_message_id,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            [r["id"], found["message_id"], now, actor],
        )
        append_audit(conn, actor, "request_answered", {
            "request_id": r["id"], "answered_on": on, "by_message": found["message_id"],
        }, now)  # fmt: skip
        answered += 1
    return answered


def _move_contact_dates(conn: Connection) -> None:
    """A mailbox contact record's date is the last message with that person (either way,
    noise excepted), over every import: later mail restarts a prospect's clock."""
    conn.execute("""
        UPDATE records SET source_date = greatest(records.source_date, last.d)
        FROM (
            SELECT m.counterpart, max(m.sent_at)::DATE AS d
            FROM messages m LEFT JOIN message_overrules o ON o.message_id = m.message_id
            WHERE m.counterpart IS NOT NULL
              AND NOT list_contains(coalesce(o.classes, m.classes), 'noise')
            GROUP BY m.counterpart
        ) AS last
        WHERE records.source = 'mailbox' AND records.category = 'contact'
          AND records.ref = last.counterpart
    """)


# ------------------------------------------------------------------------- the owner
def checked_classes(classes: Iterable[str] | str) -> list[str]:
    """The owner's classes for a message, checked: request types (one or more), or exactly
    one of unclear, contact and noise. StoreError (a sentence) otherwise."""
    chosen = [classes] if isinstance(classes, str) else [str(c) for c in classes]
    chosen = list(dict.fromkeys(c.strip() for c in chosen))
    if not chosen:
        raise StoreError("store.choose_classes")
    for cls in chosen:
        if cls not in CLASSES:
            raise StoreError("store.unknown_class", cls=cls)
    single = [c for c in chosen if c in _SINGLE_CLASSES]
    if single and len(chosen) > 1:
        raise StoreError("store.single_class", cls=single[0])
    return chosen


def overrule_message(
    path: Path | str,
    message_id: str,
    classes: Sequence[str] | str,
    reason: str,
    actor: str,
    now: datetime,
) -> None:
    """Record the owner's classes for a message (with why); requests follow at once.

    Confirming a message te beoordelen is an overrule to its request types, dismissing it
    one to contact or noise; the UI may supply a standard reason. Kept across re-imports
    (by message-id) and in the audit log (automatic, before and after as lists)."""
    chosen = checked_classes(classes)
    if not reason.strip():
        raise StoreError("store.overrule_needs_reason")
    with writing(path) as conn:
        row = conn.execute(
            "SELECT m.classes, o.classes FROM messages m "
            "LEFT JOIN message_overrules o ON o.message_id = m.message_id "
            "WHERE m.message_id = ? AND m.direction = 'inbound'",
            [message_id],
        ).fetchall()
        if not row:
            raise StoreError("store.no_such_message")
        automatic, before = _listed(row[0][0]), row[0][1]
        conn.execute(
            """
            INSERT INTO message_overrules (message_id, reason, actor, "at", classes)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO UPDATE SET classes = excluded.classes,
                reason = excluded.reason, actor = excluded.actor, "at" = excluded."at"
            """,
            [message_id, reason.strip(), actor, now, chosen],
        )
        append_audit(conn, actor, "message_overruled", {
            "message_id": message_id, "automatic": automatic,
            "before": automatic if before is None else _listed(before), "to": chosen,
            "reason": reason.strip(),
        }, now)  # fmt: skip
        sync_mailbox(conn, actor, now)


# ------------------------------------------------------------------------- queries
def messages(path: Path | str) -> pd.DataFrame:
    """Every message with its automatic and effective classes, the overrule and its requests.

    `automatic`, `classes` (effective), `candidates` and `overruled_to` (None unless
    overruled) are lists; `request_id` is the message's first request (or, for a message in
    the thread of one, that request's), `request_ids` all of the message's own."""
    with reading(path) as conn:
        df = _frame(
            conn,
            """
            WITH own AS (
                SELECT source_ref, min(id) AS request_id, list(id ORDER BY id) AS request_ids
                FROM requests WHERE source = 'mailbox' GROUP BY source_ref)
            SELECT m.message_id, m.sent_at, m.sender, m.recipients, m.subject, m.direction,
                   m.counterpart, m.classes AS automatic,
                   coalesce(o.classes, m.classes) AS classes, m.candidates, m.language,
                   o.classes AS overruled_to, o.reason AS overrule_reason,
                   o.actor AS overruled_by, o."at" AS overruled_at, m.metadata_only,
                   coalesce(r.request_id, (SELECT min(t.id) FROM requests t
                                           WHERE t.source = 'mailbox'
                                           AND list_contains(m.refs, t.source_ref)))
                       AS request_id,
                   coalesce(r.request_ids, []::INTEGER[]) AS request_ids,
                   r.request_id IS NULL AND m.direction = 'inbound' AND EXISTS (
                       SELECT 1 FROM requests t WHERE t.source = 'mailbox'
                       AND list_contains(m.refs, t.source_ref)) AS in_request_thread,
                   (SELECT min(i.subject_id) FROM subject_identifiers i
                    WHERE i.kind = 'email' AND i.value = m.counterpart) AS subject_id
            FROM messages m
            LEFT JOIN message_overrules o ON o.message_id = m.message_id
            LEFT JOIN own r ON r.source_ref = m.message_id
            ORDER BY m.sent_at DESC, m.message_id
            """,
        )
    # A missing list arrives as pd.NA: None, as the docstring promises.
    df["overruled_to"] = pd.Series(
        [None if v is None or v is pd.NA else v for v in df["overruled_to"]],
        index=df.index,
        dtype=object,
    )
    return df


def message_evidence(path: Path | str, message_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Why messages got their classes: one row per rule that held (compliance.intake's
    Evidence: type, status, rule, language, place, sentence), in the order it was found;
    all messages, or those of `message_ids`."""
    columns = ", ".join(EVIDENCE_COLUMNS)
    with reading(path) as conn:
        if message_ids is None:
            return _frame(
                conn, f"SELECT {columns} FROM message_evidence ORDER BY message_id, position"
            )
        ids = [str(i) for i in message_ids]
        return _frame(
            conn,
            f"SELECT {columns} FROM message_evidence WHERE list_contains(?::VARCHAR[], message_id) "
            "ORDER BY message_id, position",
            [ids],
        )
