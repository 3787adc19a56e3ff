"""Where a data subject stands on a given date: prospect, client or former client.

>>> subject_lifecycle(SubjectFacts(1, invoices=3, last_invoice=date(2026, 1, 5)),
...                   policy, as_of=date(2026, 11, 25), invoices_known=True).status
'client'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from compliance.policy import Policy
from compliance.workdays import add_calendar_months

STATUSES = ("prospect", "client", "former_client")


@dataclass(frozen=True)
class SubjectFacts:
    """What the database knows about one subject, all dates on or before the as-of date."""

    subject_id: int
    invoices: int = 0
    first_invoice: date | None = None
    last_invoice: date | None = None
    terminated_on: date | None = None  # earliest written termination received
    last_contact: date | None = None
    inactive: bool = False  # every source system marks the relation inactive


@dataclass(frozen=True)
class Lifecycle:
    status: str
    end_of_cooperation: date | None
    last_contact: date | None
    dormant: bool = False
    status_assumed: bool = False  # client only because no invoices were imported at all


def subject_lifecycle(
    facts: SubjectFacts, policy: Policy, as_of: date, invoices_known: bool
) -> Lifecycle:
    """Status per ../shared/POLICY.md: a written termination makes a former client; an
    invoice makes a client; otherwise a prospect.

    `invoices_known` is False when no invoice was ever imported: then nobody can be told
    apart from a prospect, so everyone counts as client (and a finding says why).
    """
    if facts.terminated_on is not None and facts.terminated_on <= as_of:
        return Lifecycle("former_client", facts.terminated_on, facts.last_contact)
    if facts.invoices > 0:
        dormant = bool(
            facts.last_invoice
            and add_calendar_months(facts.last_invoice, policy.subject_states.dormant_after_months)
            <= as_of
        )
        return Lifecycle("client", None, facts.last_contact, dormant=dormant)
    if not invoices_known:
        return Lifecycle("client", None, facts.last_contact, status_assumed=True)
    return Lifecycle("prospect", None, facts.last_contact)
