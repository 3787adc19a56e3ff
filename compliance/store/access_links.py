"""The owner's decisions about access entries, and what the Toegang page and the report read.

>>> link_access(db, source="transip", category="ip_address", ref="vps1|TCP:22|…",
...             subject_id=7, actor="owner", now=now)   # remembered across imports
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from compliance.store.access import ENTRY_MATCH, relink, sync_records
from compliance.store.connection import StoreError, append_audit, reading, writing
from compliance.store.connection import frame as _frame


# ------------------------------------------------------------------------- the owner's links
def link_access(
    path: Path | str,
    *,
    source: str,
    category: str,
    ref: str,
    subject_id: int | None,
    actor: str,
    now: datetime,
) -> None:
    """Remember that an entry belongs to `subject_id` (None: the company's own, no person)."""
    with writing(path) as conn:
        found = conn.execute(
            "SELECT count(*) FROM access_entries WHERE source = ? AND category = ? AND ref = ?",
            [source, category, ref],
        ).fetchall()[0][0]
        if not found:
            raise StoreError("store.no_such_access_entry")
        if (
            subject_id is not None
            and not conn.execute(
                "SELECT count(*) FROM subjects WHERE id = ?", [subject_id]
            ).fetchall()[0][0]
        ):
            raise StoreError("store.no_such_subject", n=subject_id)
        conn.execute(
            "INSERT INTO access_links VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source, category, ref) DO UPDATE SET subject_id = excluded.subject_id, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            [source, category, ref, subject_id, actor, now],
        )
        relink(conn)
        sync_records(conn, actor)
        append_audit(
            conn,
            actor,
            "access_linked",
            {"source": source, "category": category, "ref": ref, "subject_id": subject_id},
            now,
        )


def forget_access_link(
    path: Path | str, *, source: str, category: str, ref: str, actor: str, now: datetime
) -> None:
    """Drop the owner's decision for an entry: it is linked automatically again."""
    with writing(path) as conn:
        conn.execute(
            "DELETE FROM access_links WHERE source = ? AND category = ? AND ref = ?",
            [source, category, ref],
        )
        relink(conn)
        sync_records(conn, actor)
        append_audit(
            conn,
            actor,
            "access_link_forgotten",
            {"source": source, "category": category, "ref": ref},
            now,
        )


# ------------------------------------------------------------------------- queries
def access_entries(path: Path | str) -> pd.DataFrame:
    """Every access entry with its system's label, its record's deletion and who decided."""
    with reading(path) as conn:
        return _frame(
            conn,
            f"""
            SELECT e.source, e.category, e.ref, e.scope, e.system,
                   coalesce((SELECT max(s.label) FILTER (WHERE s.label <> '')
                             FROM access_systems s
                             WHERE s.source = e.source AND s.system = e.system), '')
                       AS system_label,
                   e.item, e.holder, e.detail, e.subject_id, e.linked_by, e.seen_on,
                   e.first_seen, e.last_seen, e.gone_on, r.deleted_on, r.deleted_by,
                   r.deletion_evidence,
                   EXISTS (SELECT 1 FROM access_links l WHERE l.source = e.source
                           AND l.category = e.category AND l.ref = e.ref) AS decided
            FROM access_entries e LEFT JOIN records r ON {ENTRY_MATCH}
            ORDER BY e.source, e.system, e.item, e.holder
            """,
        )


def access_rows(path: Path | str) -> list[dict[str, Any]]:
    """`access_entries` as plain rows (for the report)."""
    df = access_entries(path)
    return df.astype(object).where(df.notna(), None).to_dict("records")
