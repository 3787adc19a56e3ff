"""The sample data `make run` starts with: every export in data/samples, the postal
requests of its story, and the owner's earlier weekly sign-offs, so that the Overzicht's
trend has something to show.

Each sample sign-off is what the owner would have signed on that as-of date: the state of
the sample data then (compliance.review.review_state), signed at 09:00 that day.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from compliance import store
from compliance.identity import normalise_email, normalise_kvk
from compliance.importing import import_file
from compliance.policy import Policy
from compliance.report import build_snapshot
from compliance.review import review_state
from compliance.store import review as review_store
from compliance.workdays import WorkCalendar

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
POSTAL_REQUESTS = "postal_requests.csv"  # the story's letters, recorded as requests
SAMPLE_ACTOR = "sample-data"
# The sample story is told as of 2026-11-25 (data/samples/README.md): the weeks before it.
SIGN_OFF_DATES = (date(2026, 11, 4), date(2026, 11, 11), date(2026, 11, 18))
NOTE = "Voorbeeld: wekelijkse controle."


def sign_off_samples(db: Path | str, policy: Policy) -> int:
    """Record the sample sign-offs; returns how many (none when any sign-off exists)."""
    if not review_store.sign_offs(db).empty:
        return 0
    cal = WorkCalendar.from_policy(policy.calendar)
    for as_of in SIGN_OFF_DATES:
        state = review_state(build_snapshot(db, policy, as_of), cal)
        review_store.add_sign_off(
            db,
            actor=SAMPLE_ACTOR,
            now=datetime.combine(as_of, time(9)),
            as_of=as_of,
            note=NOTE,
            state=state,
        )
    return len(SIGN_OFF_DATES)


@dataclass(frozen=True)
class SampleLoad:
    imports: list[store.ImportResult]
    requests: int
    sign_offs: int


def load_samples(db: Path | str, policy: Policy) -> SampleLoad:
    """Import every sample export, record the sample postal requests and sign-offs."""
    files = sorted(
        p for p in SAMPLES.iterdir() if p.is_file() and p.name not in ("README.md", POSTAL_REQUESTS)
    )
    imports = [import_file(db, path, actor=SAMPLE_ACTOR, now=datetime.now()) for path in files]
    requests = 0
    with (SAMPLES / POSTAL_REQUESTS).open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.DictReader(fh), start=1):
            store.add_request(
                db,
                type=row["type"],
                received_on=date.fromisoformat(row["received_on"]),
                channel=row.get("channel") or "post",
                actor=SAMPLE_ACTOR,
                now=datetime.now(),
                name=row.get("name") or None,
                email=normalise_email(row.get("email")),
                kvk=normalise_kvk(row.get("kvk")),
                answered_on=date.fromisoformat(row["answered_on"]) if row.get("answered_on")
                else None,
                source="manual",
                source_ref=f"sample:{POSTAL_REQUESTS}:{number}",
            )  # fmt: skip
            requests += 1
    return SampleLoad(imports, requests, sign_off_samples(db, policy))
