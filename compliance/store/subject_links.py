"""Which subject each relation of an import is: the linking rule as SQL over the whole file.

A relation this source listed before keeps its subject. Otherwise the first of its
identifiers (`compliance.linking`: KvK, e-mail, IBAN, name, in that order) that is already
known decides, known meaning stored or held by an earlier row of the same file; otherwise
the relation is a new subject. A known identifier keeps its owner (a later import cannot
silently move data); an unknown one goes to the subject of the first row holding it.

So each row either names its subject (stored) or points to an earlier row (its parent);
following the parents, which at most halves the path each round, gives every row its
subject. No per-row Python, and nothing stored is read into memory.
"""

from __future__ import annotations

import pyarrow as pa

from compliance.linking import SOURCE_REF, identifier_columns
from compliance.store.connection import Connection, execute_with, next_id
from etl.arrow_rows import SUBJECTS

# The rows a caller stages before linking: `_in_rows`, and what this module adds to them.
ROWS = pa.schema(
    [("pos", pa.int64()),
     *(SUBJECTS.field(n) for n in ("ref", "name", "kvk", "emails", "iban", "is_company"))]
)  # fmt: skip


def stage_identifiers(conn: Connection, rows: pa.Table, salt: str, first: bool) -> None:
    """Add the identifiers of `rows` (a batch of the file, `ROWS` columns) to `_ids`."""
    sql = "CREATE TEMP TABLE _ids AS " if first else "INSERT INTO _ids "
    execute_with(conn, identifier_columns(rows, salt), sql + "SELECT * FROM _batch")


def link_staged(conn: Connection, source: str) -> tuple[int, int]:
    """Link the staged identifiers' rows: fills `_links (pos, subject_id)`, stores the new
    identifiers; returns (first new subject id, how many subjects are new)."""
    first_new = next_id(conn, "subjects")
    conn.execute(
        """
        CREATE TEMP TABLE _firsts AS
        SELECT kind, value, min(pos) AS first_pos FROM _ids GROUP BY kind, value
        """
    )
    conn.execute(
        "CREATE TEMP TABLE _kvk_of AS SELECT pos, value AS kvk FROM _ids WHERE kind = 'kvk'"
    )
    conn.execute("CREATE TEMP TABLE _refused (pos BIGINT, subject_id INTEGER)")
    # A claim refused (below) sends its row on to its next identifier. Each round refuses
    # pairs (row, subject) not refused before, so the rounds end.
    while True:
        _choose(conn, source, first_new)
        _follow_parents(conn)
        refused = conn.execute(
            """
            INSERT INTO _refused
            WITH kvk_first AS (  -- per subject the KvK of its own relation, else of its
                SELECT l.subject_id,  -- first row that has one
                       arg_min(k.kvk, CASE WHEN h.rank = -1 AND h.subject_id IS NOT NULL
                                           THEN 0 ELSE 1 END * (1::BIGINT << 40) + l.pos) AS kvk
                FROM _links l JOIN _kvk_of k USING (pos) LEFT JOIN _hits h USING (pos)
                GROUP BY l.subject_id
            )
            SELECT h.pos, h.subject_id
            FROM _hits h JOIN _kvk_of k USING (pos) JOIN kvk_first f USING (subject_id)
            WHERE h.claim AND k.kvk <> f.kvk
            RETURNING 1
            """
        ).fetchall()
        if not refused:
            break
    new = conn.execute("SELECT count(DISTINCT subject_id) FROM _links WHERE subject_id >= ?",
                       [first_new]).fetchall()[0][0]  # fmt: skip
    # One KvK number per subject: a relation that keeps its subject by its own code while
    # the subject has another number links, but does not add its number.
    conn.execute(
        """
        INSERT INTO subject_identifiers
        SELECT f.kind, f.value, l.subject_id, ? FROM _firsts f JOIN _links l ON l.pos = f.first_pos
        WHERE f.kind <> ? AND NOT EXISTS (
            SELECT 1 FROM subject_identifiers s WHERE s.kind = f.kind AND s.value = f.value)
          AND (f.kind <> 'kvk' OR NOT EXISTS (SELECT 1 FROM subject_identifiers s
                                              WHERE s.kind = 'kvk' AND s.subject_id = l.subject_id))
        QUALIFY f.kind <> 'kvk'
             OR row_number() OVER (PARTITION BY f.kind, l.subject_id ORDER BY f.first_pos) = 1
        """,
        [source, SOURCE_REF],
    )
    for table in ("_firsts", "_ids", "_kvk_of", "_refused", "_hits"):
        conn.execute(f"DROP TABLE {table}")
    return first_new, new


# Never join two different companies: a relation with a KvK number is not joined by its
# e-mail address, IBAN or name to a subject with another KvK number (stored, or of the
# earlier row of this file holding that identifier). A stored subject without one goes to
# the KvK number its own relation now carries, else to the first relation with a KvK that
# joins it (any way); others claiming it by e-mail, IBAN or name are refused (`_refused`)
# and try their next identifier. The own code of the relation (the same relation in the
# same system) and the KvK number itself always link.
_WEAK = "('email', 'iban', 'name')"


def _choose(conn: Connection, source: str, first_new: int) -> None:
    """`_hits`: per row its deciding identifier, the lowest rank among those stored or held
    by an earlier row that may link it; `_links`: its subject, or the earlier row it joins."""
    conn.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _hits AS
        WITH stored AS (
            SELECT kind, value, subject_id FROM subject_identifiers
            UNION ALL
            SELECT ?, ref, subject_id FROM source_subjects WHERE source = ?
        ), stored_kvk AS (
            SELECT subject_id, list(value) AS kvks FROM subject_identifiers
            WHERE kind = 'kvk' GROUP BY subject_id
        )
        SELECT i.pos, i.rank, s.subject_id,
               CASE WHEN s.subject_id IS NULL THEN f.first_pos END AS parent,
               (i.kind IN {_WEAK} AND k.kvk IS NOT NULL AND s.subject_id IS NOT NULL
                AND sk.kvks IS NULL) AS claim
        FROM _ids i
        JOIN _firsts f ON f.kind = i.kind AND f.value = i.value
        LEFT JOIN stored s ON s.kind = i.kind AND s.value = i.value
        LEFT JOIN _kvk_of k ON k.pos = i.pos
        LEFT JOIN stored_kvk sk ON sk.subject_id = s.subject_id
        LEFT JOIN _kvk_of pk ON pk.pos = f.first_pos
        WHERE (s.subject_id IS NOT NULL OR f.first_pos < i.pos)
          AND NOT (i.kind IN {_WEAK} AND k.kvk IS NOT NULL AND (
                   CASE WHEN s.subject_id IS NOT NULL
                        THEN sk.kvks IS NOT NULL AND NOT list_contains(sk.kvks, k.kvk)
                        ELSE pk.kvk IS DISTINCT FROM k.kvk END))
          AND NOT EXISTS (SELECT 1 FROM _refused x
                          WHERE x.pos = i.pos AND x.subject_id = s.subject_id)
        QUALIFY row_number() OVER (PARTITION BY i.pos ORDER BY i.rank) = 1
        """,
        [SOURCE_REF, source],
    )
    conn.execute(
        """
        CREATE OR REPLACE TEMP TABLE _links AS
        WITH rows AS (SELECT DISTINCT pos FROM _ids WHERE kind = ?)
        SELECT r.pos,
               CASE WHEN h.pos IS NULL
                    THEN ? + row_number() OVER (PARTITION BY h.pos IS NULL ORDER BY r.pos) - 1
                    ELSE h.subject_id END AS subject_id,
               h.parent
        FROM rows r LEFT JOIN _hits h ON h.pos = r.pos
        """,
        [SOURCE_REF, first_new],
    )


def _follow_parents(conn: Connection) -> None:
    """A parent is an earlier row: follow parents, each round jumping to the parent's
    parent, until every row has its subject."""
    while conn.execute("SELECT count(*) FROM _links WHERE parent IS NOT NULL").fetchall()[0][0]:
        conn.execute(
            """
            CREATE TEMP TABLE _next AS
            SELECT l.pos, coalesce(p.subject_id, l.subject_id) AS subject_id,
                   CASE WHEN l.parent IS NOT NULL THEN p.parent END AS parent
            FROM _links l LEFT JOIN _links p ON p.pos = l.parent
            """
        )
        conn.execute("DROP TABLE _links")
        conn.execute("ALTER TABLE _next RENAME TO _links")
