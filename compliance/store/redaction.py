"""Forgetting what was deleted, and noticing when it comes back.

When the owner marks data deleted, the dashboard must not keep what the company promised
to delete: the record keeps its category, system, dates and the deletion evidence, but its
reference and description are replaced (a salted hash of the reference is kept in
`redacted_records`), and the rows that describe it elsewhere (access entries, mail metadata,
the sentences of the mail's evidence) are cleared. When nothing of a subject is left, the
subject's name, KvK, identifiers and the personal fields of its requests go too.

A later import that brings a redacted record back (an old export, or data that was not
really deleted at the source) is matched on that hash and recorded as a reappearance, which
the report turns into a `reappeared_after_deletion` finding.
"""

from __future__ import annotations

from datetime import date, datetime

from compliance.store.connection import Connection, database_salt, next_id
from compliance.store.review import forget_subject as forget_in_sign_offs

# The same expression at redaction and at detection; `?` is the database's salt.
_REF_HASH = "sha256(? || '|' || {t}.source || '|' || {t}.category || '|' || {t}.ref)"


def redact_deleted(
    conn: Connection, subject_id: int, category: str, source: str, deleted_on: date
) -> int:
    """Redact the just-deleted records of one subject × category × source; returns records."""
    salt = database_salt(conn)
    rows = conn.execute(
        "SELECT id, ref FROM records r WHERE subject_id = ? AND category = ? AND source = ? "
        "AND deleted_on IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM redacted_records x WHERE x.record_id = r.id)",
        [subject_id, category, source],
    ).fetchall()
    if not rows:
        return 0
    refs = [ref for _, ref in rows]
    # Rows elsewhere that describe these records go first, while their refs still match.
    for table in ("access_entries", "access_links"):
        conn.execute(
            f"DELETE FROM {table} WHERE source = ? AND category = ? AND list_contains(?, ref)",
            [source, category, refs],
        )
    if source == "mailbox" and category == "contact":
        # The mailbox's contact record is keyed by the correspondent's address. The
        # evidence keeps the sentences a rule held in: that person's words, blanked too
        # (which rule held stays: it is the policy's text).
        conn.execute(
            "UPDATE message_evidence SET sentence = '' WHERE message_id IN "
            "(SELECT message_id FROM messages WHERE list_contains(?, counterpart))",
            [refs],
        )
        conn.execute(
            "UPDATE messages SET sender = '', recipients = []::VARCHAR[], counterpart = NULL, "
            "subject = '' WHERE list_contains(?, counterpart)",
            [refs],
        )
    ids = [i for i, _ in rows]
    conn.execute(
        f"INSERT INTO redacted_records SELECT id, {_REF_HASH.format(t='records')}, ? "
        "FROM records WHERE list_contains(?, id)",
        [salt, deleted_on, ids],
    )
    conn.execute(
        "UPDATE records SET ref = 'redacted:' || id, detail = '' WHERE list_contains(?, id)", [ids]
    )
    left = conn.execute(
        "SELECT count(*) FROM records WHERE subject_id = ? AND deleted_on IS NULL", [subject_id]
    ).fetchall()[0][0]
    if not left:
        _redact_subject(conn, subject_id, salt, deleted_on)
    return len(rows)


def _redact_subject(conn: Connection, subject_id: int, salt: str, deleted_on: date) -> None:
    """Nothing of this subject is kept any more: forget who it was."""
    conn.execute("UPDATE subjects SET name = '', kvk = NULL WHERE id = ?", [subject_id])
    conn.execute(
        "INSERT INTO redacted_subjects VALUES (?, ?) ON CONFLICT DO NOTHING",
        [subject_id, deleted_on],
    )
    conn.execute("DELETE FROM subject_identifiers WHERE subject_id = ?", [subject_id])
    conn.execute("DELETE FROM access_name_keys WHERE subject_id = ?", [subject_id])
    # The source system's key may be an e-mail address: keep only its hash.
    old = conn.execute(
        "SELECT source, ref, inactive, added_on, modified_on, first_import_id, "
        "last_import_id FROM source_subjects WHERE subject_id = ?",
        [subject_id],
    ).fetchall()
    conn.execute("DELETE FROM source_subjects WHERE subject_id = ?", [subject_id])
    for source, ref, inactive, added_on, modified_on, first_id, last_id in old:
        conn.execute(
            "INSERT INTO source_subjects VALUES (?, 'h:' || sha256(? || '|' || ?), ?, '', ?, "
            "?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [source, salt, ref, subject_id, inactive, added_on, modified_on, first_id, last_id],
        )
    conn.execute(
        "UPDATE requests SET name = NULL, email = NULL, kvk = NULL WHERE subject_id = ?",
        [subject_id],
    )
    forget_in_sign_offs(conn, subject_id)


def detect_reappearances(conn: Connection, import_id: int, now: datetime) -> int:
    """Record every record of this import that matches a redacted one; returns how many."""
    if not conn.execute("SELECT count(*) FROM redacted_records").fetchall()[0][0]:
        return 0  # nothing was ever redacted: skip hashing a whole import
    start = next_id(conn, "reappearances")
    salt = database_salt(conn)
    conn.execute(
        f"""
        INSERT INTO reappearances
        SELECT ? + row_number() OVER (ORDER BY new.id) - 1, ?, old.record_id, new.id, ?
        FROM records new JOIN redacted_records old
          ON old.ref_hash = {_REF_HASH.format(t="new")}
        WHERE new.last_import_id = ? AND new.deleted_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM reappearances r WHERE r.new_record_id = new.id)
        """,
        [start, import_id, now, salt, import_id],
    )
    found = next_id(conn, "reappearances") - start
    if found:
        _rejoin_subjects(conn, import_id)
    return found


def _rejoin_subjects(conn: Connection, import_id: int) -> None:
    """A reappeared relation of a forgotten subject comes back as a new subject (its
    identifiers were deleted). Put it back on the old subject, whose written termination
    is on record, so its retention clock runs again instead of it looking like a client."""
    pairs = conn.execute(
        """
        SELECT DISTINCT new.subject_id, old.subject_id
        FROM reappearances a
        JOIN records new ON new.id = a.new_record_id
        JOIN records old ON old.id = a.old_record_id
        WHERE a.import_id = ? AND new.subject_id <> old.subject_id
          AND new.subject_id IN (SELECT id FROM subjects WHERE import_id = ?)
        """,
        [import_id, import_id],
    ).fetchall()
    targets: dict[int, set[int]] = {}
    for new_id, old_id in pairs:
        targets.setdefault(new_id, set()).add(old_id)
    for new_id, olds in targets.items():
        if len(olds) != 1:
            continue  # matches two forgotten subjects: leave it for the owner
        old_id = olds.pop()
        for table in (
            "records",
            "source_subjects",
            "subject_identifiers",
            "requests",
            "access_entries",
        ):
            conn.execute(
                f"UPDATE {table} SET subject_id = ? WHERE subject_id = ?", [old_id, new_id]
            )
        conn.execute(
            "UPDATE subjects SET name = n.name, kvk = n.kvk, is_company = n.is_company "
            "FROM (SELECT name, kvk, is_company FROM subjects WHERE id = ?) n WHERE id = ?",
            [new_id, old_id],
        )
        conn.execute("DELETE FROM redacted_subjects WHERE subject_id = ?", [old_id])
        conn.execute("DELETE FROM subjects WHERE id = ?", [new_id])
