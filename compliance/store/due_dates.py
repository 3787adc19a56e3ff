"""Deletion due dates for every subject × category × source, computed by DuckDB.

The rules are those of `compliance.retention.deletion_due` and `deletion_status` (the
per-row reference); `compliance.bulk_retention` turns the policy and the lifecycles into the
small tables this module joins (`DueInputs`). Done in SQL because the million record groups
of a large database then never become a pandas frame: at L (bench/) the grouping, the rules
and the choice of the earliest one take about 1.0 s in DuckDB, where fetching the groups and
applying the rules in numpy took 1.7 s, and the report's peak memory fell by a fifth.

The records can come from the database (`deletion_rows`) or, for tests and what-if
questions, from a frame of record groups (`deletion_rows_of`): one SQL text serves both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa

from compliance.store.connection import Connection, in_memory, reading


@dataclass(frozen=True)
class DueInputs:
    """What the SQL needs besides the records, as Arrow tables (see bulk_retention).

    * life: subject_id, status, end_of_cooperation, last_contact (dates as date32)
    * names: id, name
    * rules: id, category, basis (NULL: the category's default), has_rule, contract_end,
      offset_unit, offset_n, months (NULL for a working-day rule), workdays (NULL otherwise)
    * workdays: n, day, due: the n-th working day after `day`, for every day a working-day
      rule may start from
    """

    life: pa.Table
    names: pa.Table
    rules: pa.Table
    workdays: pa.Table
    prospect_months: int
    soon_days: int


# Records per subject × category × source × basis: what a due date is computed from (and
# what store.record_groups lists, with the latest date of each group).
GROUP_COLUMNS = """
    subject_id, category, source, basis, count(*) AS records,
    count(*) FILTER (WHERE deleted_on IS NULL) AS present,
    max(deleted_on) AS deleted_on, min(clock_start) AS clock_start
"""
_STORED_GROUPS = f"""
    SELECT {GROUP_COLUMNS}, NULL::BIGINT AS pos
    FROM records GROUP BY subject_id, category, source, basis
"""
_GIVEN_GROUPS = """
    SELECT subject_id, category::VARCHAR AS category,
           source::VARCHAR AS source, basis::VARCHAR AS basis, records::BIGINT AS records,
           present::BIGINT AS present, deleted_on::DATE AS deleted_on,
           clock_start::DATE AS clock_start, pos
    FROM _given
"""

_DUE_SQL = """
WITH grouped AS ({groups}),
ruled AS (
    -- A rule for the group's basis (a direct-debit mandate) wins over the category's
    -- default; the inner join keeps only categories the policy knows.
    SELECT g.*, coalesce(b.id, d.id) AS rule_id
    FROM grouped g
    JOIN _rules d ON d.category = g.category AND d.basis IS NULL
    LEFT JOIN _rules b ON b.category = g.category AND b.basis = g.basis
),
anchored AS (
    SELECT g.subject_id, g.category, g.source, g.basis, g.records, g.present,
           g.deleted_on, g.pos,
           CASE
               -- A prospect: the last contact plus the prospect months, whatever the data.
               WHEN l.status = 'prospect' AND l.last_contact IS NOT NULL THEN 'last_contact'
               WHEN l.status = 'former_client' AND l.end_of_cooperation IS NOT NULL
                    AND r.has_rule THEN
                   CASE WHEN r.contract_end AND g.clock_start IS NOT NULL
                        THEN 'contract_end' ELSE 'end_of_cooperation' END
           END AS anchor,
           CASE anchor WHEN 'last_contact' THEN l.last_contact
                       WHEN 'contract_end' THEN g.clock_start
                       ELSE l.end_of_cooperation END AS basis_date,
           CASE WHEN anchor = 'last_contact' THEN 'months' ELSE r.offset_unit END AS offset_unit,
           CASE WHEN anchor = 'last_contact' THEN $prospect ELSE r.offset_n END AS offset_n,
           CASE WHEN anchor = 'last_contact' THEN $prospect ELSE r.months END AS months,
           CASE WHEN anchor = 'last_contact' THEN NULL ELSE r.workdays END AS workdays
    FROM ruled g
    JOIN _life l USING (subject_id)
    JOIN _rules r ON r.id = g.rule_id
),
dated AS (
    SELECT a.*,
           -- DuckDB adds months as the policy does: the same day, or the month's last.
           CASE WHEN a.workdays IS NULL THEN CAST(a.basis_date + to_months(a.months) AS DATE)
                ELSE w.due END AS due
    FROM anchored a
    LEFT JOIN _workdays w ON w.n = a.workdays AND w.day = a.basis_date
    WHERE a.anchor IS NOT NULL
),
ranked AS (
    -- Several bases in one group (a mandate and an invoice IBAN): the earliest due wins,
    -- the first in the given order (else in basis order) on a tie; the record counts add
    -- up over all of them.
    SELECT *,
           sum(records) OVER same_key AS all_records,
           sum(present) OVER same_key AS all_present
    FROM dated
    -- Past the calendar's last day is no due date: a contract without end (9999-12-31).
    WHERE due <= DATE '9999-12-31'
    WINDOW same_key AS (PARTITION BY subject_id, category, source)
    QUALIFY row_number() OVER (same_key ORDER BY due, pos, basis NULLS LAST) = 1
)
SELECT k.subject_id, n.name, k.category, k.source, k.due,
       CASE WHEN k.all_present = 0 THEN 'deleted'
            WHEN k.due < $as_of THEN 'overdue'
            WHEN k.due - $as_of <= $soon THEN 'due_soon'
            ELSE 'scheduled' END AS status,
       CASE WHEN k.all_present <> 0 AND k.due < $as_of THEN $as_of - k.due ELSE 0 END
           AS days_overdue,
       k.anchor, k.basis_date, k.offset_unit, k.offset_n::BIGINT AS offset_n,
       k.all_records::BIGINT AS records, k.all_present::BIGINT AS present, k.deleted_on
FROM ranked k
LEFT JOIN _names n ON n.id = k.subject_id
ORDER BY k.subject_id, k.category, k.source
"""


def _run(conn: Connection, groups: str, inputs: DueInputs, as_of: date) -> pa.Table:
    tables = {"_life": inputs.life, "_names": inputs.names, "_rules": inputs.rules,
              "_workdays": inputs.workdays}  # fmt: skip
    for name, table in tables.items():
        conn.register(name, table)
    try:
        params = {"as_of": as_of, "soon": inputs.soon_days, "prospect": inputs.prospect_months}
        return conn.sql(_DUE_SQL.replace("{groups}", groups), params=params).to_arrow_table()
    finally:
        for name in tables:
            conn.unregister(name)


def deletion_rows(path: Path | str, inputs: DueInputs, as_of: date) -> pa.Table:
    """One row per stored subject × category × source with a due date, in that order."""
    with reading(path) as conn:
        return _run(conn, _STORED_GROUPS, inputs, as_of)


def deletion_rows_of(groups: pd.DataFrame, inputs: DueInputs, as_of: date) -> pa.Table:
    """deletion_rows over given record groups (store.record_groups rows) instead of the
    stored records; on a tie the earlier row in `groups` wins."""
    given = groups[["subject_id", "category", "source", "basis", "records", "present",
                    "deleted_on", "clock_start"]].assign(pos=range(len(groups)))  # fmt: skip
    with in_memory() as conn:
        conn.register("_given", given)
        return _run(conn, _GIVEN_GROUPS, inputs, as_of)


def clock_range(path: Path | str, categories: list[str]) -> tuple[date | None, date | None]:
    """The earliest and latest contract end among the records of these categories (None
    when there is none)."""
    with reading(path) as conn:
        sql = """SELECT min(clock_start), max(clock_start) FROM records
                 WHERE list_contains(?, category)"""
        low, high = conn.execute(sql, [categories]).fetchall()[0]
    return low, high
