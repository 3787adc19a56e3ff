"""Sign-offs of the weekly review, and what was added since one."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from compliance.i18n import t
from compliance.store.connection import (
    Connection,
    append_audit,
    compact,
    frame,
    next_id,
    reading,
    writing,
)


def add_sign_off(
    path: Path | str, *, actor: str, now: datetime, as_of: date, note: str, state: dict[str, Any]
) -> int:
    """Keep who signed off when, with the counts and open items at that moment."""
    texts = state.get("finding_texts", {})
    findings, overdue = state.get("findings", []), state.get("overdue", [])
    items = pa.table(
        {
            "kind": ["finding"] * len(findings) + ["overdue"] * len(overdue),
            "key": [*findings, *overdue],
            "text_nl": [texts.get(k, {}).get("nl") for k in findings] + [None] * len(overdue),
        },
        schema=pa.schema([("kind", pa.string()), ("key", pa.string()), ("text_nl", pa.string())]),
    )
    head = {k: v for k, v in state.items() if k not in _ITEMS}
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
                json.dumps({**head, "items": "sign_off_items"}),
                json.dumps(state["counts"]),
            ],
        )
        conn.register("_items", items)
        conn.execute(
            "INSERT INTO sign_off_items SELECT ?, kind, key, text_nl FROM _items", [sign_off_id]
        )
        conn.unregister("_items")
        append_audit(
            conn,
            actor,
            "sign_off",
            {"sign_off_id": sign_off_id, "as_of": as_of, "note": note.strip(), **state["counts"]},
            now,
        )
    compact(path)  # each week, what was deleted or refused leaves the file's bytes
    return sign_off_id


# The parts of a review state kept as rows of sign_off_items, not in the JSON.
_ITEMS = ("findings", "finding_texts", "overdue")


def sign_offs(path: Path | str) -> pd.DataFrame:
    """Every sign-off, newest first: id, at, actor, as_of, note, counts (dict)."""
    with reading(path) as conn:
        df = frame(
            conn, 'SELECT id, "at", actor, as_of, note, counts FROM sign_offs ORDER BY id DESC'
        )
    df["counts"] = [json.loads(v) for v in df["counts"]]
    return df


def last_state(path: Path | str) -> dict[str, Any]:
    """The review state kept at the latest sign-off, as `review.review_state` made it;
    {} before the first."""
    with reading(path) as conn:
        found = conn.execute("SELECT id, state FROM sign_offs ORDER BY id DESC LIMIT 1").fetchall()
        if not found:
            return {}
        sign_off_id, state = found[0][0], json.loads(found[0][1])
        if state.pop("items", None) != "sign_off_items":
            return state  # kept before migration 7: the items are in the JSON
        items = conn.sql(
            "SELECT kind, key, text_nl FROM sign_off_items WHERE sign_off_id = ? "
            "ORDER BY kind, key",
            params=[sign_off_id],
        ).to_arrow_table()
    kinds, keys, texts = (items.column(c).to_pylist() for c in ("kind", "key", "text_nl"))
    state["findings"], state["finding_texts"], state["overdue"] = [], {}, []
    for kind, key, text in zip(kinds, keys, texts, strict=True):
        if kind == "finding":
            state["findings"].append(key)
            if text is not None:
                state["finding_texts"][key] = {"nl": text}
        else:
            state["overdue"].append(key)
    return state


def forget_subject(conn: Connection, subject_id: int) -> None:
    """A subject whose data is all deleted is forgotten in the sign-offs too: the texts of
    its findings (and the English text in their keys) name it. Called inside the
    redaction's transaction."""
    sid = str(subject_id)
    en, nl = (t("review.forgotten", lang, id=sid) for lang in ("en", "nl"))
    conn.execute(
        "UPDATE sign_off_items SET key = split_part(key, ':', 1) || ':' || ? || ':' || ?, "
        "text_nl = ? WHERE kind = 'finding' AND split_part(key, ':', 2) = ?",
        [sid, en, nl, sid],
    )
    # Sign-offs kept before migration 7 hold their findings in the state's JSON.
    old = conn.execute(
        "SELECT id, state FROM sign_offs WHERE contains(state, ?)", [f":{sid}:"]
    ).fetchall()
    for sign_off_id, text in old:
        state = json.loads(text)
        if state.get("items") == "sign_off_items":
            continue
        texts, findings = state.get("finding_texts", {}), set()
        for key in state.get("findings", []):
            code, owner, _ = [*key.split(":", 2), "", ""][:3]
            if owner == sid:
                texts.pop(key, None)
                key = f"{code}:{sid}:{en}"
                texts[key] = {"nl": nl, "en": en}
            findings.add(key)
        state["findings"] = sorted(findings)
        conn.execute(
            "UPDATE sign_offs SET state = ? WHERE id = ?", [json.dumps(state), sign_off_id]
        )


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
