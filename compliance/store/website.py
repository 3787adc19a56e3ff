"""Website evidence in the database: imported files and the Google Analytics form.

Every piece of evidence is appended with its date and the file (or form) it came from;
nothing is replaced, so the page can show what changed since the previous evidence.

    >>> record_ga_settings(db, {"ga.google_signals": "off"}, observed_on=date(2026, 11, 20),
    ...                    actor="owner", now=datetime.now(), note="checked in GA Admin")
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from compliance.store.connection import (
    Connection,
    StoreError,
    append_audit,
    frame,
    next_id,
    reading,
    writing,
)
from etl.model import ParsedExport, WebObservation

# Settings the form records, and the values each takes ("unknown" is simply not stored).
FORM_SETTINGS: dict[str, tuple[str, ...]] = {
    "ga.processing_terms": ("yes", "no"),
    "ga.sharing_products": ("on", "off"),
    "ga.sharing_benchmarking": ("on", "off"),
    "ga.sharing_support": ("on", "off"),
    "ga.sharing_sales": ("on", "off"),
    "ga.google_signals": ("on", "off"),
    "ga.ad_personalization": ("on", "off"),
    "ga.user_id": ("on", "off"),
    "ga.data_retention": (
        "TWO_MONTHS",
        "FOURTEEN_MONTHS",
        "TWENTY_SIX_MONTHS",
        "THIRTY_EIGHT_MONTHS",
        "FIFTY_MONTHS",
    ),
}
FORM_FILE_NAME = "form"


def _insert(conn: Connection, evidence_id: int, observations: list[WebObservation]) -> int:
    if not observations:
        return 0
    df = pd.DataFrame(
        [
            {
                "evidence_id": evidence_id,
                "kind": o.kind,
                "name": o.name,
                "domain": o.domain,
                "value": o.value,
                "lifetime_seconds": o.lifetime_seconds,
                "session": o.session,
                "party": o.party,
                "category": o.category,
                "detail": o.detail,
            }
            for o in observations
        ]
    ).drop_duplicates(["kind", "name", "domain"], keep="last")
    df["lifetime_seconds"] = df["lifetime_seconds"].astype("Int64")
    conn.register("incoming_web", df)
    conn.execute("INSERT INTO website_observations SELECT * FROM incoming_web")
    conn.unregister("incoming_web")
    return len(df)


def load_observations(
    conn: Connection,
    parsed: ParsedExport,
    import_id: int,
    file_name: str,
    actor: str,
    now: datetime,
) -> dict[str, int]:
    """Store one file's website evidence (inside load_export's transaction)."""
    evidence_id = next_id(conn, "website_evidence")
    conn.execute(
        "INSERT INTO website_evidence VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
        [
            evidence_id,
            import_id,
            parsed.kind,
            file_name,
            parsed.observed_on or now.date(),
            parsed.complete,
            actor,
            now,
        ],
    )
    stored = _insert(conn, evidence_id, list(parsed.observations))
    return {"new": stored, "changed": 0, "unchanged": 0}


def record_ga_settings(
    path: Path | str,
    settings: Mapping[str, str],
    *,
    observed_on: date,
    actor: str,
    now: datetime,
    note: str = "",
) -> int:
    """Record Google Analytics settings the owner read on screen; returns the evidence id.

    `settings` maps FORM_SETTINGS ids to one of their values; "unknown" ones are left out
    by the caller. The entry goes into the audit log with who entered it and when.
    """
    bad = [k for k, v in settings.items() if v not in FORM_SETTINGS.get(k, ())]
    if bad:
        raise StoreError("store.bad_setting", setting=bad[0], value=repr(settings[bad[0]]))
    if not settings:
        raise StoreError("store.no_setting")
    if not actor.strip():
        raise StoreError("store.settings_need_reader")
    if observed_on > now.date():
        raise StoreError("store.settings_in_future")
    with writing(path) as conn:
        evidence_id = next_id(conn, "website_evidence")
        conn.execute(
            "INSERT INTO website_evidence VALUES (?, NULL, 'ga_form', ?, ?, false, ?, ?, ?)",
            [evidence_id, FORM_FILE_NAME, observed_on, note.strip(), actor.strip(), now],
        )
        _insert(
            conn,
            evidence_id,
            [WebObservation("setting", k, value=v, detail="form") for k, v in settings.items()],
        )
        append_audit(
            conn,
            actor.strip(),
            "website_settings",
            {
                "evidence_id": evidence_id,
                "observed_on": observed_on,
                "note": note.strip(),
                **dict(settings),
            },
            now,
        )
    return evidence_id


def _dates(df: pd.DataFrame) -> pd.DataFrame:
    """observed_on as datetime.date values (DuckDB hands DATE columns to pandas as times)."""
    df["observed_on"] = pd.to_datetime(df["observed_on"]).dt.date
    return df


def website_observations(path: Path | str) -> pd.DataFrame:
    """Every observation with its evidence: file, kind, date, completeness, who."""
    with reading(path) as conn:
        return _dates(
            frame(
                conn,
                """
            SELECT e.id AS evidence_id, e.kind AS evidence_kind, e.file_name, e.observed_on,
                   e.complete, e.entered_by, o.kind, o.name, o.domain, o.value,
                   o.lifetime_seconds, o.session, o.party, o.category, o.detail
            FROM website_observations o JOIN website_evidence e ON e.id = o.evidence_id
            ORDER BY e.observed_on, e.id, o.kind, o.name, o.domain
        """,
            )
        )


def website_evidence(path: Path | str) -> pd.DataFrame:
    """Every piece of evidence, newest first, with how many observations it holds."""
    with reading(path) as conn:
        return _dates(
            frame(
                conn,
                """
            SELECT e.id, e.kind, e.file_name, e.observed_on, e.complete, e.note, e.entered_by,
                   e.entered_at, count(o.evidence_id) AS observations
            FROM website_evidence e LEFT JOIN website_observations o ON o.evidence_id = e.id
            GROUP BY ALL ORDER BY e.observed_on DESC, e.id DESC
        """,
            )
        )
