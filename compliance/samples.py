"""The sample history `make run` starts with, beside the sample exports: the owner's
earlier weekly sign-offs, so that the Overzicht's trend has something to show.

Each sample sign-off is what the owner would have signed on that as-of date: the state of
the sample data then (compliance.review.review_state), signed at 09:00 that day.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from compliance.policy import Policy
from compliance.report import build_snapshot
from compliance.review import review_state
from compliance.store import review as review_store
from compliance.workdays import WorkCalendar

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
