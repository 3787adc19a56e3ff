"""What the owner records about a request after it came in: answered (with a note),
extended (with the day the requester was told) or rejected (with the reason). Each is one
transaction with an audit entry; a rejection counts as the answer on that day, because the
requester must hear it within the same deadline (GDPR art. 12(4)).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd

from compliance.store.connection import StoreError, append_audit, reading, writing
from compliance.store.connection import frame as _frame

OUTCOMES = ("answered", "rejected")


def _request(conn, request_id: int) -> tuple:
    row = conn.execute(
        "SELECT id, type, received_on, answered_on, extended FROM requests WHERE id = ?",
        [request_id],
    ).fetchall()
    if not row:
        raise StoreError("store.no_such_request", n=request_id)
    return row[0]


def _upsert(conn, request_id: int, values: dict, actor: str, now: datetime) -> None:
    columns = ", ".join(values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in values)
    conn.execute(
        f"INSERT INTO request_outcomes (request_id, {columns}, updated_at, updated_by) "
        f"VALUES (?, {', '.join('?' for _ in values)}, ?, ?) "
        f"ON CONFLICT (request_id) DO UPDATE SET {updates}, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        [request_id, *values.values(), now, actor],
    )


def record_outcome(
    path: Path | str,
    request_id: int,
    outcome: str,
    on: date,
    note: str,
    actor: str,
    now: datetime,
) -> None:
    """Answered or rejected on `on`, with a note (required for a rejection: the reason)."""
    if outcome not in OUTCOMES:
        raise StoreError("store.unknown_outcome", outcome=outcome)
    if outcome == "rejected" and not note.strip():
        raise StoreError("store.rejection_needs_reason")
    with writing(path) as conn:
        _id, _type, received_on, _answered, _ext = _request(conn, request_id)
        if on < received_on:
            raise StoreError("store.date_before_received")
        conn.execute("UPDATE requests SET answered_on = ? WHERE id = ?", [on, request_id])
        _upsert(conn, request_id, {"outcome": outcome, "note": note.strip() or None}, actor, now)
        append_audit(
            conn,
            actor,
            f"request_{outcome}",
            {"request_id": request_id, "answered_on": on, "note": note.strip()},
            now,
        )


def record_extension(
    path: Path | str, request_id: int, told_on: date, note: str, actor: str, now: datetime
) -> None:
    """The deadline is extended; `told_on` is the day the requester was told (and why)."""
    with writing(path) as conn:
        _id, _type, received_on, answered_on, _ext = _request(conn, request_id)
        if told_on < received_on:
            raise StoreError("store.date_before_received")
        if answered_on is not None:
            raise StoreError("store.already_answered", n=request_id)
        conn.execute("UPDATE requests SET extended = true WHERE id = ?", [request_id])
        _upsert(
            conn,
            request_id,
            {"extended_on": told_on, "extension_note": note.strip() or None},
            actor,
            now,
        )
        append_audit(
            conn,
            actor,
            "request_extended",
            {"request_id": request_id, "told_on": told_on, "note": note.strip()},
            now,
        )


def request_outcomes(path: Path | str) -> pd.DataFrame:
    """request_id, outcome, note, extended_on, extension_note, answer_message_id."""
    with reading(path) as conn:
        return _frame(
            conn,
            "SELECT request_id, outcome, note, extended_on, extension_note, answer_message_id, "
            "updated_at, updated_by FROM request_outcomes ORDER BY request_id",
        )
