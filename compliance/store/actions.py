"""Written requests and deletions: what the owner records by hand."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from compliance.identity import normalise_name
from compliance.store.connection import StoreError, append_audit, compact, next_id, writing
from compliance.store.redaction import redact_deleted


def _find_subject(conn, kvk: str | None, email: str | None, name: str | None) -> int | None:
    """The subject a written request comes from, by KvK, then e-mail, then company name."""
    for kind, value in (
        ("kvk", kvk),
        ("email", email and email.lower()),
        ("name", normalise_name(name) if name else None),
    ):
        if value:
            row = conn.execute(
                "SELECT subject_id FROM subject_identifiers WHERE kind = ? AND value = ?",
                [kind, value],
            ).fetchall()
            if row:
                return row[0][0]
    return None


def add_request(
    path: Path | str,
    *,
    type: str,
    received_on: date,
    channel: str,
    actor: str,
    now: datetime,
    name: str | None = None,
    email: str | None = None,
    kvk: str | None = None,
    answered_on: date | None = None,
    source: str = "manual",
    source_ref: str | None = None,
) -> tuple[int, int]:
    """Record a written request; returns (request id, subject id).

    A request from someone not yet known creates a subject (source `manual`), because the
    letter itself is personal data the register must show.
    """
    with writing(path) as conn:
        if source_ref is not None:
            # The same letter or message entered twice is one request.
            row = conn.execute(
                "SELECT id, subject_id FROM requests WHERE source = ? AND source_ref = ?",
                [source, source_ref],
            ).fetchall()
            if row:
                return row[0][0], row[0][1]
        subject_id = _find_subject(conn, kvk, email, name)
        if subject_id is None:
            subject_id = next_id(conn, "subjects")
            display = name or email or kvk or "?"
            conn.execute(
                "INSERT INTO subjects VALUES (?, ?, ?, NULL, ?, NULL)",
                [subject_id, display, kvk, now],
            )
            conn.execute(
                "INSERT INTO source_subjects VALUES ('manual', ?, ?, ?, false, ?, NULL, 0, 0)",
                [f"subject-{subject_id}", subject_id, display, received_on],
            )
            for kind, value in (("kvk", kvk), ("email", email and email.lower())):
                if value:
                    conn.execute(
                        "INSERT INTO subject_identifiers VALUES (?, ?, ?, 'manual') "
                        "ON CONFLICT DO NOTHING",
                        [kind, value, subject_id],
                    )
        request_id = next_id(conn, "requests")
        conn.execute(
            "INSERT INTO requests (id, type, subject_id, name, email, kvk, channel, "
            "received_on, answered_on, extended, source, source_ref, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)",
            [
                request_id,
                type,
                subject_id,
                name,
                email and email.lower(),
                kvk,
                channel,
                received_on,
                answered_on,
                source,
                source_ref,
                now,
                actor,
            ],
        )
        append_audit(
            conn,
            actor,
            "request_add",
            {
                "request_id": request_id,
                "type": type,
                "subject_id": subject_id,
                "received_on": received_on,
                "channel": channel,
                "answered_on": answered_on,
            },
            now,
        )
    return request_id, subject_id


def mark_request_answered(
    path: Path | str, request_id: int, answered_on: date, actor: str, now: datetime
) -> None:
    with writing(path) as conn:
        found = conn.execute("SELECT count(*) FROM requests WHERE id = ?", [request_id]).fetchall()[
            0
        ]
        if not found[0]:
            raise StoreError("store.no_such_request", n=request_id)
        conn.execute("UPDATE requests SET answered_on = ? WHERE id = ?", [answered_on, request_id])
        append_audit(
            conn,
            actor,
            "request_answered",
            {"request_id": request_id, "answered_on": answered_on},
            now,
        )


# ------------------------------------------------------------------------- deletions
def mark_deleted(
    path: Path | str,
    *,
    subject_id: int,
    category: str,
    source: str,
    deleted_on: date,
    evidence: str,
    actor: str,
    now: datetime,
) -> int:
    """Record that the data of one subject × category × source was deleted; returns rows."""
    if not evidence.strip():
        raise StoreError("store.deletion_needs_evidence")
    with writing(path) as conn:
        count = conn.execute(
            "SELECT count(*) FROM records WHERE subject_id = ? AND category = ? AND source = ? "
            "AND deleted_on IS NULL",
            [subject_id, category, source],
        ).fetchall()[0][0]
        if not count:
            raise StoreError("store.nothing_to_delete")
        conn.execute(
            "UPDATE records SET deleted_on = ?, deleted_by = ?, deletion_evidence = ? "
            "WHERE subject_id = ? AND category = ? AND source = ? AND deleted_on IS NULL",
            [deleted_on, actor, evidence.strip(), subject_id, category, source],
        )
        # What the company promised to delete, the dashboard does not keep either.
        redact_deleted(conn, subject_id, category, source, deleted_on)
        append_audit(
            conn,
            actor,
            "deletion_marked",
            {
                "subject_id": subject_id,
                "category": category,
                "source": source,
                "deleted_on": deleted_on,
                "records": count,
                "evidence": evidence.strip(),
            },
            now,
        )
    compact(path)  # the deleted data gone from the file's bytes too, not only unreferenced
    return count


def log_event(path: Path | str, actor: str, action: str, detail: dict, now: datetime) -> None:
    """An entry in the audit log on its own (logins, failed logins, sign-outs)."""
    with writing(path) as conn:
        append_audit(conn, actor, action, detail, now)
