"""Mailbox messages in the store: loading them, the requests they are, the answers found in
the same thread, and the owner's overrule of a classification.

Everything here runs inside the caller's transaction (`load_messages` is called by
`load_export`) or opens its own (`overrule_message`). After either, `sync_mailbox` makes
the `requests` table agree with the messages: one request per message whose effective
class (the overrule, else the automatic one) is a request type, answered on the date of
the first reply sent from an own address in the same thread.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from compliance.mail_classify import CLASSES, is_reply
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
    """Upsert the messages of one export, then bring requests and answers up to date."""
    rows = [
        {
            "message_id": m.message_id,
            "sent_at": m.sent_at,
            "sender": m.sender,
            "recipients": list(m.recipients),
            "subject": m.subject,
            "direction": m.direction,
            "counterpart": m.counterpart,
            "classification": m.classification,
            "matched": list(m.matched),
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
    conn.register("incoming_messages", df)
    new = conn.execute(
        "SELECT count(*) FROM incoming_messages i WHERE NOT EXISTS "
        "(SELECT 1 FROM messages m WHERE m.message_id = i.message_id)"
    ).fetchall()[0][0]
    conn.execute("""
        INSERT INTO messages
        SELECT message_id, sent_at, sender, recipients::VARCHAR[], subject, direction,
               counterpart, classification, matched::VARCHAR[], in_reply_to, refs::VARCHAR[],
               metadata_only, import_id, import_id
        FROM incoming_messages
        ON CONFLICT (message_id) DO UPDATE SET
            sent_at = excluded.sent_at, sender = excluded.sender,
            recipients = excluded.recipients, subject = excluded.subject,
            direction = excluded.direction, counterpart = excluded.counterpart,
            classification = excluded.classification, matched = excluded.matched,
            in_reply_to = excluded.in_reply_to, refs = excluded.refs,
            metadata_only = messages.metadata_only AND excluded.metadata_only,
            last_import_id = excluded.last_import_id
    """)
    conn.unregister("incoming_messages")
    counts = sync_mailbox(conn, actor, now)
    return {"messages_new": int(new), **counts}


# ------------------------------------------------------------------------- requests
def _effective(conn: Connection) -> pd.DataFrame:
    return _frame(
        conn,
        """
        SELECT m.message_id, m.sent_at, m.sender, m.subject, m.counterpart, m.refs,
               coalesce(o.classification, m.classification) AS classification
        FROM messages m LEFT JOIN message_overrules o ON o.message_id = m.message_id
        WHERE m.direction = 'inbound' ORDER BY m.sent_at, m.message_id
        """,
    )


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


def sync_mailbox(conn: Connection, actor: str, now: datetime) -> dict[str, int]:
    """Make requests agree with the effective classes, find answers, move contact dates."""
    counts = {"requests_new": 0, "requests_changed": 0, "requests_removed": 0, "answered": 0}
    existing = {
        ref: (rid, rtype)
        for rid, rtype, ref in conn.execute(
            "SELECT id, type, source_ref FROM requests WHERE source = ?", [SOURCE]
        ).fetchall()
    }
    # A reminder in the thread of a request ("I have not heard back about my access
    # request") is part of that request, not a new one: same type, same sender, and the
    # earlier message referenced, or a reply ("Re:") with the same subject.
    threads: dict[tuple[str, str, str], str] = {}
    for m in _effective(conn).to_dict("records"):
        mid, cls = m["message_id"], m["classification"]
        have = existing.get(mid)
        topic = (m["sender"], cls, normalised_subject(m["subject"]))
        earlier = {ref for ref in list(m["refs"]) if ref in existing}
        follow_up = have is None and (
            any(existing[ref][1] == cls for ref in earlier)
            or (is_reply(m["subject"], None) and bool(topic[2]) and topic in threads)
        )
        if cls in REQUEST_TYPE_IDS and have is None and follow_up:
            continue
        if cls in REQUEST_TYPE_IDS:
            threads.setdefault(topic, mid)
        if cls in REQUEST_TYPE_IDS and have is None:
            sent_at = pd.Timestamp(m["sent_at"]).to_pydatetime()
            subject_id = _subject_for(conn, m["sender"], sent_at, now)
            rid = next_id(conn, "requests")
            existing[mid] = (rid, cls)
            conn.execute(
                "INSERT INTO requests (id, type, subject_id, name, email, kvk, channel, "
                "received_on, answered_on, extended, source, source_ref, created_at, created_by) "
                "VALUES (?, ?, ?, NULL, ?, NULL, 'email', ?, NULL, false, ?, ?, ?, ?)",
                [rid, cls, subject_id, m["sender"], sent_at.date(), SOURCE, mid, now, actor],
            )
            append_audit(conn, actor, "request_add", {
                "request_id": rid, "type": cls, "subject_id": subject_id,
                "received_on": sent_at.date(), "channel": "email", "source": SOURCE,
                "message_id": mid,
            }, now)  # fmt: skip
            counts["requests_new"] += 1
        elif cls in REQUEST_TYPE_IDS and have[1] != cls:
            conn.execute("UPDATE requests SET type = ? WHERE id = ?", [cls, have[0]])
            append_audit(conn, actor, "request_retyped",
                         {"request_id": have[0], "from": have[1], "to": cls, "message_id": mid},
                         now)  # fmt: skip
            counts["requests_changed"] += 1
        elif cls not in REQUEST_TYPE_IDS and have is not None:
            before = _frame(conn, "SELECT * FROM requests WHERE id = ?", [have[0]])
            conn.execute("DELETE FROM request_outcomes WHERE request_id = ?", [have[0]])
            conn.execute("DELETE FROM requests WHERE id = ?", [have[0]])
            detail = {k: str(v) for k, v in before.to_dict("records")[0].items()}
            append_audit(conn, actor, "request_removed",
                         {**detail, "reason": f"message classified as {cls}"}, now)  # fmt: skip
            counts["requests_removed"] += 1
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
              AND coalesce(o.classification, m.classification) <> 'noise'
            GROUP BY m.counterpart
        ) AS last
        WHERE records.source = 'mailbox' AND records.category = 'contact'
          AND records.ref = last.counterpart
    """)


# ------------------------------------------------------------------------- the owner
def overrule_message(
    path: Path | str,
    message_id: str,
    classification: str,
    reason: str,
    actor: str,
    now: datetime,
) -> None:
    """Record the owner's class for a message (with why); requests follow at once."""
    if classification not in CLASSES:
        raise StoreError(f"'{classification}' is not a class a message can have.")
    if not reason.strip():
        raise StoreError("Say why the classification is overruled.")
    with writing(path) as conn:
        row = conn.execute(
            "SELECT m.classification, o.classification FROM messages m "
            "LEFT JOIN message_overrules o ON o.message_id = m.message_id "
            "WHERE m.message_id = ? AND m.direction = 'inbound'",
            [message_id],
        ).fetchall()
        if not row:
            raise StoreError("There is no incoming message with that message-id.")
        conn.execute(
            """
            INSERT INTO message_overrules VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO UPDATE SET classification = excluded.classification,
                reason = excluded.reason, actor = excluded.actor, "at" = excluded."at"
            """,
            [message_id, classification, reason.strip(), actor, now],
        )
        append_audit(conn, actor, "message_overruled", {
            "message_id": message_id, "automatic": row[0][0], "before": row[0][1] or row[0][0],
            "to": classification, "reason": reason.strip(),
        }, now)  # fmt: skip
        sync_mailbox(conn, actor, now)


# ------------------------------------------------------------------------- queries
def messages(path: Path | str) -> pd.DataFrame:
    """Every message with its automatic and effective class, the overrule and its request."""
    with reading(path) as conn:
        return _frame(
            conn,
            """
            SELECT m.message_id, m.sent_at, m.sender, m.recipients, m.subject, m.direction,
                   m.counterpart, m.classification AS automatic, m.matched,
                   coalesce(o.classification, m.classification) AS classification,
                   o.classification AS overruled_to, o.reason AS overrule_reason,
                   o.actor AS overruled_by, o."at" AS overruled_at, m.metadata_only,
                   coalesce(r.id, (SELECT min(t.id) FROM requests t WHERE t.source = 'mailbox'
                                   AND list_contains(m.refs, t.source_ref))) AS request_id,
                   r.id IS NULL AND m.direction = 'inbound' AND EXISTS (
                       SELECT 1 FROM requests t WHERE t.source = 'mailbox'
                       AND list_contains(m.refs, t.source_ref)) AS in_request_thread,
                   (SELECT min(i.subject_id) FROM subject_identifiers i
                    WHERE i.kind = 'email' AND i.value = m.counterpart) AS subject_id
            FROM messages m
            LEFT JOIN message_overrules o ON o.message_id = m.message_id
            LEFT JOIN requests r ON r.source = 'mailbox' AND r.source_ref = m.message_id
            ORDER BY m.sent_at DESC, m.message_id
            """,
        )
