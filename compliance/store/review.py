"""Sign-offs of the weekly review, and what was added since one."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from compliance.store.connection import append_audit, frame, next_id, reading, writing


def add_sign_off(
    path: Path | str, *, actor: str, now: datetime, as_of: date, note: str, state: dict[str, Any]
) -> int:
    """Keep who signed off when, with the counts and open items at that moment."""
    with writing(path) as conn:
        sign_off_id = next_id(conn, "sign_offs")
        conn.execute(
            "INSERT INTO sign_offs VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                sign_off_id,
                now,
                actor,
                as_of,
                note.strip(),
                json.dumps(state),
                json.dumps(state["counts"]),
            ],
        )
        append_audit(
            conn,
            actor,
            "sign_off",
            {"sign_off_id": sign_off_id, "as_of": as_of, "note": note.strip(), **state["counts"]},
            now,
        )
    return sign_off_id


def sign_offs(path: Path | str) -> pd.DataFrame:
    """Every sign-off, newest first: id, at, actor, as_of, note, counts (dict)."""
    with reading(path) as conn:
        df = frame(
            conn, 'SELECT id, "at", actor, as_of, note, counts FROM sign_offs ORDER BY id DESC'
        )
    df["counts"] = [json.loads(v) for v in df["counts"]]
    return df


def last_state(path: Path | str) -> dict[str, Any]:
    """The review state kept at the latest sign-off; {} before the first."""
    with reading(path) as conn:
        found = conn.execute("SELECT state FROM sign_offs ORDER BY id DESC LIMIT 1").fetchall()
    return json.loads(found[0][0]) if found else {}


def added_since(path: Path | str, since: datetime) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(subjects, requests) first recorded after `since`."""
    with reading(path) as conn:
        subjects = frame(
            conn,
            "SELECT id, name, created_at FROM subjects WHERE created_at > ? "
            "ORDER BY created_at, id",
            [since],
        )
        requests = frame(
            conn,
            "SELECT id, type, subject_id, name, received_on, created_at "
            "FROM requests WHERE created_at > ? ORDER BY created_at, id",
            [since],
        )
    return subjects, requests
