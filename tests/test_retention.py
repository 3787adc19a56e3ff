"""compliance/lifecycle.py, retention.py and requests.py: pure rules, edge dates in tables.
Expected dates are worked out by hand from POLICY.md and a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from compliance.lifecycle import Lifecycle, SubjectFacts, subject_lifecycle
from compliance.policy import load_policy
from compliance.requests import request_status, respond_by
from compliance.retention import deletion_due, deletion_status
from compliance.workdays import WorkCalendar

POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)
AS_OF = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("facts", "invoices_known", "status", "end", "dormant"),
    [
        (SubjectFacts(1, invoices=2, last_invoice=date(2026, 10, 1)), True, "client", None, False),
        # 24 months without invoice: dormant from the day the 24 months are complete.
        (SubjectFacts(1, invoices=1, last_invoice=date(2024, 11, 25)), True, "client", None, True),
        (SubjectFacts(1, invoices=1, last_invoice=date(2024, 11, 26)), True, "client", None, False),
        (SubjectFacts(1, invoices=0, last_contact=date(2026, 9, 1)), True, "prospect", None, False),
        (SubjectFacts(1, invoices=0), False, "client", None, False),  # no invoices imported
        (
            SubjectFacts(1, invoices=3, terminated_on=date(2026, 3, 2)),
            True,
            "former_client",
            date(2026, 3, 2),
            False,
        ),
        (SubjectFacts(1, invoices=3, terminated_on=AS_OF), True, "former_client", AS_OF, False),
    ],
    ids=[
        "active",
        "dormant-exactly-24m",
        "not-yet-dormant",
        "prospect",
        "no-invoices-known",
        "terminated",
        "terminated-today",
    ],
)
def test_subject_lifecycle(facts, invoices_known, status, end, dormant) -> None:
    life = subject_lifecycle(facts, POLICY, AS_OF, invoices_known)
    assert (life.status, life.end_of_cooperation, life.dormant) == (status, end, dormant)


def test_status_assumed_only_when_no_invoices_are_known() -> None:
    assert subject_lifecycle(SubjectFacts(1), POLICY, AS_OF, False).status_assumed
    assert not subject_lifecycle(SubjectFacts(1), POLICY, AS_OF, True).status_assumed


FORMER = Lifecycle("former_client", date(2026, 4, 24), None)  # Friday before Koningsdag


@pytest.mark.parametrize(
    ("category", "basis", "life", "clock_start", "due", "anchor"),
    [
        ("contact", None, FORMER, None, date(2033, 4, 24), "end_of_cooperation"),
        ("payment", None, FORMER, None, date(2033, 4, 24), "end_of_cooperation"),
        # Direct-debit data: end + 5 working days; 27 April Koningsdag → Monday 4 May.
        ("payment", "direct_debit", FORMER, None, date(2026, 5, 4), "end_of_cooperation"),
        ("ip_address", None, FORMER, None, date(2026, 5, 4), "end_of_cooperation"),
        ("credentials", None, FORMER, None, date(2026, 5, 4), "end_of_cooperation"),
        ("contract", None, FORMER, None, date(2033, 4, 24), "end_of_cooperation"),
        # A contract's own end date (ontbinding) wins when known.
        ("contract", None, FORMER, date(2025, 12, 31), date(2032, 12, 31), "contract_end"),
        # 29 February + 7 years is clamped to 28 February and never moved to a working day.
        (
            "contact",
            None,
            Lifecycle("former_client", date(2024, 2, 29), None),
            None,
            date(2031, 2, 28),
            "end_of_cooperation",
        ),
        ("cookies", None, FORMER, None, None, None),
        # Prospects: everything 3 calendar months after the last contact, clamped.
        (
            "contact",
            None,
            Lifecycle("prospect", None, date(2026, 11, 30)),
            None,
            date(2027, 2, 28),
            "last_contact",
        ),
        (
            "ip_address",
            None,
            Lifecycle("prospect", None, date(2026, 5, 31)),
            None,
            date(2026, 8, 31),
            "last_contact",
        ),
        ("contact", None, Lifecycle("prospect", None, None), None, None, None),
        ("contact", None, Lifecycle("client", None, date(2026, 1, 1)), None, None, None),
    ],
    ids=[
        "contact-7y",
        "payment-invoice-7y",
        "direct-debit-5wd",
        "ip-5wd",
        "credentials-5wd",
        "contract-from-end",
        "contract-own-end",
        "leap-day-clamped",
        "cookies-no-subject-rule",
        "prospect-30-nov",
        "prospect-31-may",
        "prospect-unknown-contact",
        "client-no-clock",
    ],
)
def test_deletion_due(category, basis, life, clock_start, due, anchor) -> None:
    result = deletion_due(POLICY.categories[category], basis, life, clock_start, POLICY, CAL)
    if due is None:
        assert result is None
    else:
        assert (result.due, result.anchor) == (due, anchor)


@pytest.mark.parametrize(
    ("due", "present", "as_of", "expected"),
    [
        (date(2026, 11, 25), 1, date(2026, 11, 25), ("due_soon", 0)),  # due today: in time
        (date(2026, 11, 24), 1, date(2026, 11, 25), ("overdue", 1)),
        (date(2025, 11, 25), 1, date(2026, 11, 25), ("overdue", 365)),
        (date(2026, 12, 25), 1, date(2026, 11, 25), ("due_soon", 0)),  # 30 days: due soon
        (date(2026, 12, 26), 1, date(2026, 11, 25), ("scheduled", 0)),  # 31 days
        (date(2020, 1, 1), 0, date(2026, 11, 25), ("deleted", 0)),
    ],
    ids=["due-today", "one-day-late", "a-year-late", "30-days", "31-days", "deleted"],
)
def test_deletion_status(due, present, as_of, expected) -> None:
    assert deletion_status(due, present, as_of, POLICY.subject_states.due_soon_days) == expected


@pytest.mark.parametrize(
    ("rtype", "received", "extended", "due"),
    [
        ("access", date(2026, 1, 31), False, date(2026, 3, 2)),  # POLICY.md example
        ("access", date(2026, 1, 31), True, date(2026, 4, 30)),  # +2 months: 30 April (Thu)
        ("access", date(2026, 3, 27), False, date(2026, 4, 28)),  # 27 April Koningsdag
        ("erasure", date(2026, 4, 5), False, date(2026, 5, 6)),  # 5 May every year
        ("withdrawal", date(2026, 4, 24), False, date(2026, 5, 4)),  # POLICY.md example
        ("termination", date(2026, 5, 13), False, date(2026, 5, 22)),  # Ascension + bridge day
        ("termination", date(2026, 12, 24), False, date(2027, 1, 4)),  # Christmas to New Year
        ("complaint", date(2026, 11, 2), False, None),
    ],
    ids=[
        "access-31-jan",
        "access-extended",
        "access-koningsdag",
        "erasure-5-may",
        "withdrawal-policy-example",
        "termination-ascension",
        "termination-christmas",
        "complaint-no-deadline",
    ],
)
def test_respond_by(rtype, received, extended, due) -> None:
    assert respond_by(POLICY.request_types[rtype], received, CAL, extended) == due


@pytest.mark.parametrize(
    ("due", "answered", "as_of", "status"),
    [
        (date(2026, 11, 25), None, date(2026, 11, 25), "open"),
        (date(2026, 11, 24), None, date(2026, 11, 25), "overdue"),
        (date(2026, 11, 24), date(2026, 11, 30), date(2026, 11, 25), "overdue"),  # answer later
        (date(2026, 11, 24), date(2026, 11, 20), date(2026, 11, 25), "answered"),
        (None, None, date(2030, 1, 1), "open"),  # complaints never become overdue
    ],
    ids=["due-today", "late", "answered-after-as-of", "answered", "complaint"],
)
def test_request_status(due, answered, as_of, status) -> None:
    assert request_status(due, answered, as_of) == status
