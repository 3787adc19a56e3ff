"""Access entries (TransIP firewall ranges, vault items, DSD licences) in the database.

`load_access` runs inside `load_export`'s transaction for every import: it stores the
file's entries and systems, marks what a complete list no longer holds as gone, links every
entry without an owner's decision again (a bookkeeping import may bring the subject an
entry names) and keeps `records` in step: a linked entry is one record of its subject, so
the retention rules, the inventory and the deletions see it like any other data.

The owner's links and what the Toegang page reads are in `compliance.store.access_links`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from compliance.access import (
    SubjectIndex,
    code_key,
    hint_keys,
    key_size,
    match_entry,
    name_key,
)
from compliance.store.connection import (
    Connection,
    append_audit,
    execute_with,
    next_id,
    reading,
)
from etl.model import ParsedExport

BOOKKEEPING = ("eboekhouden", "snelstart")
# r: the access_entries or records row, e: the other side of the join.
ENTRY_MATCH = "r.source = e.source AND r.category = e.category AND r.ref = e.ref"
# The settings row holding what the entries were last linked by (`_inputs`).
INPUTS_KEY = "access_links_inputs"


def _own_names() -> tuple[str, ...]:
    """ICT Roermond's own name and mail domains: entries naming them are the company's own."""
    try:
        from compliance.policy import load_policy

        controller = load_policy().controller
    except Exception:  # no readable policy: nothing counts as own
        return ()
    domains = {a.rpartition("@")[2] for a in (controller.email, *controller.own_addresses)}
    return (controller.name, *(d.rpartition(".")[0] for d in domains if "." in d))


def load_access(
    conn: Connection,
    parsed: ParsedExport,
    import_id: int,
    actor: str,
    now: datetime,
    sha256: str = "",
) -> dict[str, int]:
    """Store one file's access entries and relink everything; counts for the import row."""
    today = now.date()
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    _store_systems(conn, parsed, import_id)
    if parsed.access:
        counts.update(_store_entries(conn, parsed, import_id, today))
    gone: list[Any] = []
    for scope in parsed.scopes:
        conn.execute(
            "INSERT INTO access_scopes VALUES (?, ?, ?, ?) ON CONFLICT (source, scope) "
            "DO UPDATE SET sha256 = excluded.sha256, import_id = excluded.import_id",
            [parsed.source, scope, sha256, import_id],
        )
    if parsed.scopes:
        marks = ", ".join("?" for _ in parsed.scopes)
        gone = conn.execute(
            f"UPDATE access_entries SET gone_on = ? WHERE source = ? AND scope IN ({marks}) "
            "AND gone_on IS NULL AND last_import_id <> ? RETURNING ref",
            [today, parsed.source, *parsed.scopes, import_id],
        ).fetchall()
    relinked = relink(conn)
    synced = sync_records(conn, actor)
    touched = parsed.access or parsed.scopes or relinked["changed"] or synced["back"]
    if touched:
        append_audit(
            conn,
            actor,
            "access_import",
            {
                "import_id": import_id,
                "source": parsed.source,
                **counts,
                "gone": len(gone),
                "relinked": relinked["changed"],
                "back": synced["back"],
                "secrets_dropped": parsed.secrets_dropped,
            },
            now,
        )
    counts["gone"] = len(gone)
    counts.update(_link_counts(conn, parsed, import_id))
    return counts


def is_newer_observation(path: Path | str, parsed: ParsedExport, sha256: str) -> bool:
    """True when a file imported before is imported again after another file replaced its
    list (firewall A, then B without an address, then A again: the address is back)."""
    if not parsed.scopes or not Path(path).exists():
        return False
    with reading(path) as conn:
        marks = ", ".join("?" for _ in parsed.scopes)
        latest = conn.execute(
            f"SELECT sha256 FROM access_scopes WHERE source = ? AND scope IN ({marks})",
            [parsed.source, *parsed.scopes],
        ).fetchall()
    return any(sha != sha256 for (sha,) in latest)


def _store_systems(conn: Connection, parsed: ParsedExport, import_id: int) -> None:
    rows = [s for s in parsed.systems if s.label or s.hints]
    for s in rows:
        conn.execute(
            "INSERT INTO access_systems VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source, system, origin) DO UPDATE SET label = excluded.label, "
            "hints = excluded.hints, last_import_id = excluded.last_import_id",
            [parsed.source, s.system, parsed.kind, s.label, list(s.hints), import_id],
        )


def _store_entries(
    conn: Connection, parsed: ParsedExport, import_id: int, today: date
) -> dict[str, int]:
    df = pd.DataFrame(
        [
            {
                "source": parsed.source,
                "category": a.category,
                "ref": a.ref,
                "scope": a.scope,
                "system": a.system,
                "item": a.item,
                "holder": a.holder,
                "detail": a.detail,
                "fields": list(a.fields),
                "hints": list(a.hints),
                "kvk": a.kvk,
                "emails": list(a.emails),
                "seen_on": a.seen_on,
            }
            for a in parsed.access
        ]
    ).drop_duplicates(["category", "ref"], keep="last")
    df["seen_on"] = pd.to_datetime(df["seen_on"]).dt.date
    conn.register("incoming_access", df)
    new, changed = conn.execute(f"""
        SELECT count(*) FILTER (WHERE r.ref IS NULL),
               count(*) FILTER (WHERE r.ref IS NOT NULL AND (
                   r.system <> e.system OR r.item <> e.item OR r.holder <> e.holder
                   OR r.detail <> e.detail OR r.hints <> e.hints::VARCHAR[]
                   OR r.gone_on IS NOT NULL))
        FROM incoming_access e LEFT JOIN access_entries r ON {ENTRY_MATCH}
    """).fetchall()[0]
    conn.execute(
        """
        INSERT INTO access_entries
        SELECT source, category, ref, scope, system, item, holder, detail, fields::VARCHAR[],
               hints::VARCHAR[], kvk, emails::VARCHAR[], seen_on, NULL, NULL, ?, ?, NULL, ?, ?
        FROM incoming_access
        ON CONFLICT (source, category, ref) DO UPDATE SET
            scope = excluded.scope, system = excluded.system, item = excluded.item,
            holder = excluded.holder, detail = excluded.detail, fields = excluded.fields,
            hints = excluded.hints, kvk = excluded.kvk, emails = excluded.emails,
            seen_on = excluded.seen_on, last_seen = excluded.last_seen, gone_on = NULL,
            last_import_id = excluded.last_import_id
        """,
        [today, today, import_id, import_id],
    )
    conn.unregister("incoming_access")
    return {"new": new, "changed": changed, "unchanged": len(df) - new - changed}


def refresh_name_keys(conn: Connection) -> int:
    """Bring `access_name_keys` in step with the subjects' names and bookkeeping codes:
    normalise only what is new since the last time, drop what is gone. How many changed."""
    marks = ", ".join("?" for _ in BOOKKEEPING)
    conn.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _key_sources AS
        SELECT DISTINCT subject_id, what, text, hash(what, text) AS origin FROM (
            SELECT id AS subject_id, 'name' AS what, name AS text FROM subjects
            UNION ALL SELECT subject_id, 'name', name FROM source_subjects
            UNION ALL SELECT subject_id, 'code', ref FROM source_subjects
            WHERE source IN ({marks}))
        """,
        list(BOOKKEEPING),
    )
    gone = conn.execute("""
        DELETE FROM access_name_keys k WHERE NOT EXISTS (
            SELECT 1 FROM _key_sources s
            WHERE s.subject_id = k.subject_id AND s.origin = k.origin)
        RETURNING 1
    """).fetchall()
    new = conn.execute("""
        SELECT subject_id, origin, what, text FROM _key_sources s WHERE NOT EXISTS (
            SELECT 1 FROM access_name_keys k
            WHERE k.subject_id = s.subject_id AND k.origin = s.origin)
    """).fetchall()
    conn.execute("DROP TABLE _key_sources")
    if new:
        judged: dict[tuple[str, str], tuple[str, str]] = {}
        rows = []
        for subject_id, origin, what, text in new:
            if (what, text) not in judged:
                key = name_key(text) if what == "name" else code_key(text)
                judged[what, text] = key or ("", "")
            kind, key = judged[what, text]
            rows.append((subject_id, origin, kind, key, key_size(kind, key) if kind else 0))
        table = pa.table(
            list(zip(*rows, strict=True)),
            schema=pa.schema(
                [("subject_id", pa.int32()), ("origin", pa.uint64()), ("kind", pa.string()),
                 ("key", pa.string()), ("size", pa.int32())]
            ),
        )  # fmt: skip
        execute_with(conn, table, "INSERT INTO access_name_keys SELECT * FROM _batch")
    return len(gone) + len(new)


def _inputs(conn: Connection, own: tuple[str, ...]) -> str:
    """A fingerprint of everything the links depend on, and of the links themselves:
    unchanged, relinking changes nothing."""
    parts = conn.execute("""
        SELECT (SELECT count(*) || ':' || coalesce(sum(hash(subject_id, origin)), 0)
                FROM access_name_keys),
               (SELECT count(*) || ':' || coalesce(sum(hash(kind, value, subject_id)), 0)
                FROM subject_identifiers WHERE kind IN ('kvk', 'email')),
               (SELECT count(*) || ':' || coalesce(sum(hash(source, category, ref, system,
                       hints, kvk, emails, subject_id, linked_by)), 0) FROM access_entries),
               (SELECT count(*) || ':' || coalesce(sum(hash(source, system, origin, hints)), 0)
                FROM access_systems),
               (SELECT count(*) || ':' || coalesce(sum(hash(source, category, ref, subject_id)),
                       0) FROM access_links)
    """).fetchall()[0]
    return hashlib.sha256("|".join([*map(str, parts), *own]).encode()).hexdigest()


def _index(
    conn: Connection,
    entries: list[tuple[Any, ...]],
    system_hints: dict[tuple[str, str], list[str]],
    own: tuple[str, ...],
) -> SubjectIndex:
    """The subjects these entries could name, and only those: every key their hints could be
    looked up by, joined with the stored keys (a lookup, not a scan of every subject)."""
    sizes = dict(
        conn.execute(
            "SELECT kind, max(size) FROM access_name_keys WHERE kind <> '' GROUP BY kind"
        ).fetchall()
    )
    wanted: dict[tuple[str, str], None] = {}
    identifiers: dict[tuple[str, str], None] = {}
    for source, _category, _ref, system, hints, kvk, emails, *_ in entries:
        for hint in (*hints, *system_hints.get((source, system), [])):
            if hint:
                wanted.update(dict.fromkeys(hint_keys(hint, sizes)))
        if kvk:
            identifiers["kvk", kvk] = None
        identifiers.update(dict.fromkeys(("email", e.lower()) for e in emails))
    keys = execute_with(
        conn,
        _pairs(wanted),
        "SELECT DISTINCT k.subject_id, k.kind, k.key FROM access_name_keys k "
        "JOIN _batch w ON k.kind = w.kind AND k.key = w.value ORDER BY k.subject_id",
    )
    found = execute_with(
        conn,
        _pairs(identifiers),
        "SELECT i.kind, i.value, i.subject_id FROM subject_identifiers i JOIN _batch c "
        "ON i.kind = c.kind AND lower(i.value) = c.value",
    )
    return SubjectIndex.from_keys(keys, found, own)


def _pairs(pairs: Collection[tuple[str, str]]) -> pa.Table:
    """(kind, value) pairs as a table to join with."""
    kinds, values = zip(*pairs, strict=True) if pairs else ((), ())
    return pa.table({"kind": list(kinds), "value": list(values)},
                    schema=pa.schema([("kind", pa.string()), ("value", pa.string())]))  # fmt: skip


def relink(conn: Connection) -> dict[str, int]:
    """Link every entry again, when anything it is linked by changed since the last time
    (entries, systems, the owner's decisions, subjects' names, codes, KvK numbers and
    addresses): the owner's decision first, else by identifiers and hints."""
    if not conn.execute("SELECT count(*) FROM access_entries").fetchall()[0][0]:
        return {"changed": 0}
    refresh_name_keys(conn)
    own = _own_names()
    inputs = _inputs(conn, own)
    last = conn.execute("SELECT value FROM settings WHERE key = ?", [INPUTS_KEY]).fetchall()
    if last and last[0][0] == inputs:
        return {"changed": 0}
    entries = conn.execute(
        "SELECT source, category, ref, system, hints, kvk, emails, subject_id, linked_by "
        "FROM access_entries"
    ).fetchall()
    decided = {
        (s, c, r): sid
        for s, c, r, sid in conn.execute(
            "SELECT source, category, ref, subject_id FROM access_links"
        ).fetchall()
    }
    system_hints: dict[tuple[str, str], list[str]] = {}
    for source, system, hints in conn.execute(
        "SELECT source, system, hints FROM access_systems ORDER BY origin <> 'vps', origin"
    ).fetchall():
        system_hints.setdefault((source, system), []).extend(hints)
    undecided = [e for e in entries if e[:3] not in decided]
    index = _index(conn, undecided, system_hints, own)
    updates = []
    for source, category, ref, system, hints, kvk, emails, subject_id, linked_by in entries:
        key = (source, category, ref)
        if key in decided:
            new_id = decided[key]
            how = "owner" if new_id is not None else "own"
        else:
            new_id, how = match_entry(
                hints, system_hints.get((source, system), []), kvk, emails, index
            )
        if (new_id, how) != (subject_id, linked_by):
            updates.append((source, category, ref, new_id, how))
    if updates:
        df = pd.DataFrame(updates, columns=["source", "category", "ref", "subject_id", "how"])
        df["subject_id"] = df["subject_id"].astype("Int64")
        conn.register("relinked", df)
        conn.execute(f"""
            UPDATE access_entries r SET subject_id = e.subject_id, linked_by = e.how
            FROM relinked e WHERE {ENTRY_MATCH}
        """)
        conn.unregister("relinked")
    # Taken after the links are written: an entry deleted and brought back unlinked, or
    # changed by anything else, no longer matches it.
    conn.execute(
        "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [INPUTS_KEY, _inputs(conn, own) if updates else inputs],
    )
    return {"changed": len(updates)}


def sync_records(conn: Connection, actor: str) -> dict[str, int]:
    """Make `records` hold exactly the linked entries, with gone ones marked deleted."""
    conn.execute("""
        DELETE FROM records WHERE (source, category, ref) IN (
            SELECT source, category, ref FROM access_entries WHERE subject_id IS NULL)
    """)
    start = next_id(conn, "records")
    conn.execute(
        f"""
        INSERT INTO records
        SELECT ? + row_number() OVER () - 1, e.subject_id, e.category, e.source, e.ref,
               e.fields, NULL, e.detail, e.seen_on, e.first_seen, e.last_seen, NULL,
               e.gone_on, CASE WHEN e.gone_on IS NOT NULL THEN ? END,
               CASE WHEN e.gone_on IS NOT NULL
                    THEN 'no longer in the newer export of ' || e.scope END,
               e.first_import_id, e.last_import_id
        FROM access_entries e
        WHERE e.subject_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM records r WHERE {ENTRY_MATCH})
        """,
        [start, actor],
    )
    # Still in a newer export than the one the deletion was recorded after: it is back.
    back = conn.execute(f"""
        UPDATE records r SET deleted_on = NULL, deleted_by = NULL, deletion_evidence = NULL
        FROM access_entries e
        WHERE {ENTRY_MATCH} AND e.subject_id IS NOT NULL AND e.gone_on IS NULL
          AND r.deleted_on IS NOT NULL AND e.last_import_id > r.last_import_id
        RETURNING r.ref
    """).fetchall()
    conn.execute(
        f"""
        UPDATE records r SET deleted_on = e.gone_on, deleted_by = ?,
            deletion_evidence = 'no longer in the newer export of ' || e.scope
        FROM access_entries e
        WHERE {ENTRY_MATCH} AND e.subject_id IS NOT NULL AND e.gone_on IS NOT NULL
          AND r.deleted_on IS NULL
        """,
        [actor],
    )
    conn.execute(f"""
        UPDATE records r SET subject_id = e.subject_id, fields = e.fields, detail = e.detail,
            source_date = e.seen_on, last_seen = e.last_seen, last_import_id = e.last_import_id
        FROM access_entries e
        WHERE {ENTRY_MATCH} AND e.subject_id IS NOT NULL
          AND (r.subject_id <> e.subject_id OR r.detail <> e.detail
               OR r.last_import_id <> e.last_import_id OR r.fields <> e.fields)
    """)
    return {"back": len(back)}


def _link_counts(conn: Connection, parsed: ParsedExport, import_id: int) -> dict[str, int]:
    """Of this file's entries: how many are linked to a subject, how many wait for the owner."""
    if not parsed.access:
        return {"linked": 0, "unlinked": 0}
    linked, unlinked = conn.execute(
        """
        SELECT count(*) FILTER (WHERE subject_id IS NOT NULL),
               count(*) FILTER (WHERE subject_id IS NULL AND coalesce(linked_by, '') <> 'own')
        FROM access_entries WHERE source = ? AND last_import_id = ?
        """,
        [parsed.source, import_id],
    ).fetchall()[0]
    return {"linked": linked, "unlinked": unlinked}
