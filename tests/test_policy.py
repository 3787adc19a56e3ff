"""The policy file (data/policy.toml) as loaded by compliance/policy.py, against POLICY.md."""

from __future__ import annotations

import copy
import dataclasses
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from compliance.policy import (
    DEFAULT_POLICY_PATH,
    Offset,
    Policy,
    PolicyError,
    RetentionRule,
    load_policy,
    parse_policy,
)

CATEGORY_ORDER = ("contact", "payment", "contract", "ip_address", "credentials", "cookies")
FIDESLANG = {
    "contact": "user.contact",
    "payment": "user.financial",
    "contract": "user.contract",
    "ip_address": "user.device.ip_address",
    "credentials": "user.authorization.credentials",
    "cookies": "user.device.cookie_id",
}
REQUEST_TYPES = {
    "access",
    "withdrawal",
    "termination",
    "erasure",
    "rectification",
    "objection",
    "complaint",
}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


@pytest.fixture(scope="module")
def raw_policy() -> dict[str, Any]:
    with DEFAULT_POLICY_PATH.open("rb") as fh:
        return tomllib.load(fh)


# ------------------------------------------------------------------ the shipped file
def test_default_path_is_the_shipped_file() -> None:
    assert DEFAULT_POLICY_PATH.parts[-2:] == ("data", "policy.toml")
    assert DEFAULT_POLICY_PATH.is_file()


def test_shipped_policy_loads(policy: Policy) -> None:
    assert policy.version == 1
    assert policy.controller.name == "ICT Roermond"
    assert policy.controller.kvk == "63712717"
    assert policy.controller.email == "info@ictroermond.nl"
    assert policy.controller.supervisory_authority == "Autoriteit Persoonsgegevens"
    assert policy.controller.own_addresses == ("info@ictroermond.nl",)


def test_six_categories_in_documented_order_with_fideslang(policy: Policy) -> None:
    assert tuple(policy.categories) == CATEGORY_ORDER
    assert {cid: cat.fideslang for cid, cat in policy.categories.items()} == FIDESLANG
    for cid, cat in policy.categories.items():
        assert cat.id == cid
        assert cat.label_nl.strip() and cat.label_en.strip()
        assert cat.purpose_nl.strip() and cat.retention_nl.strip()


def test_payment_rules(policy: Policy) -> None:
    payment = policy.categories["payment"]
    direct_debit = RetentionRule("end_of_cooperation", Offset(working_days=5))
    seven_years = RetentionRule("end_of_cooperation", Offset(years=7))
    assert payment.retention_by_basis == {"direct_debit": direct_debit}
    assert payment.rule_for("direct_debit") == direct_debit
    assert payment.rule_for("direct_debit").offset.unit == "working_days"
    assert payment.retention == seven_years
    assert payment.rule_for(None) == seven_years
    assert payment.rule_for("invoice") == seven_years  # any other basis: the default
    assert payment.retention.years == 7


def test_payment_interpretation_is_present(policy: Policy) -> None:
    payment = policy.categories["payment"]
    assert payment.interpretation_nl.strip()
    assert payment.interpretation_en.strip()
    assert "5" in payment.interpretation_en and "7" in payment.interpretation_en
    assert policy.subject_states.interpretation_nl.strip()


@pytest.mark.parametrize("cid", ["ip_address", "credentials"])
def test_while_client_categories_end_plus_five_working_days(policy: Policy, cid: str) -> None:
    cat = policy.categories[cid]
    assert cat.retention == RetentionRule("end_of_cooperation", Offset(working_days=5))
    assert cat.retention.offset.unit == "working_days"
    assert cat.retention_by_basis == {}
    assert cat.interpretation_nl.strip()


def test_contact_and_contract_seven_years(policy: Policy) -> None:
    contact = policy.categories["contact"].retention
    contract = policy.categories["contract"].retention
    assert contact == RetentionRule("end_of_cooperation", Offset(years=7))
    assert contract == RetentionRule("contract_end", Offset(years=7))
    assert contract.offset.unit == "years"


def test_cookies_have_no_retention_rule_but_a_lifetime_promise(policy: Policy) -> None:
    assert policy.categories["cookies"].retention is None
    assert policy.categories["cookies"].rule_for(None) is None
    assert policy.cookies.max_lifetime_days == 31
    assert "ip_address" in policy.cookies.collected_fields
    assert "referrer_url" in policy.cookies.collected_fields


def test_subject_states(policy: Policy) -> None:
    assert policy.subject_states.prospect_retention_months == 3
    assert policy.subject_states.dormant_after_months == 24


def test_request_types(policy: Policy) -> None:
    rts = policy.request_types
    assert set(rts) == REQUEST_TYPES
    for rid in ("access", "erasure", "rectification", "objection"):
        assert rts[rid].deadline == Offset(months=1), rid
        assert rts[rid].deadline.unit == "months"
        assert rts[rid].extension_months == 2, rid
    for rid in ("withdrawal", "termination"):
        assert rts[rid].deadline == Offset(working_days=5), rid
        assert rts[rid].extension_months == 0
    assert rts["complaint"].deadline is None
    assert rts["complaint"].extension_months == 0
    assert {rid for rid, rt in rts.items() if rt.sets_end_of_cooperation} == {"termination"}


def test_calendar_rules(policy: Policy) -> None:
    cal = policy.calendar
    assert cal.country == "NL"
    assert cal.every_year == ((5, 5),)
    assert cal.good_friday is True
    assert date(2026, 5, 15) in cal.equated_days
    assert date(2026, 1, 2) in cal.equated_days
    assert date(2029, 5, 11) not in cal.equated_days
    assert list(cal.equated_days) == sorted(cal.equated_days)
    assert all(type(d) is date for d in cal.equated_days)
    assert cal.company_closing_days == ()


def test_systems_cover_the_statement(policy: Policy) -> None:
    named = {"mailbox", "transip", "eboekhouden", "snelstart", "dsd", "bank", "google_analytics"}
    assert named <= set(policy.systems)
    assert policy.systems["mailbox"].country == "IE"
    assert policy.systems["transip"].country == "NL"
    for cat in policy.categories.values():
        assert set(cat.systems) <= set(policy.systems), cat.id


def test_policy_is_frozen(policy: Policy) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.version = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.categories["contact"].label_nl = "x"  # type: ignore[misc]


# ------------------------------------------------------------------ refusals
Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    *parents, last = path.split(".")

    def mutate(data: dict[str, Any]) -> None:
        for key in parents:
            data = data[key]
        data[last] = value

    return mutate


def _del(path: str) -> Mutation:
    *parents, last = path.split(".")

    def mutate(data: dict[str, Any]) -> None:
        for key in parents:
            data = data[key]
        del data[last]

    return mutate


def _add_category(data: dict[str, Any]) -> None:
    data["categories"]["biometrics"] = copy.deepcopy(data["categories"]["contact"])


def _reorder_categories(data: dict[str, Any]) -> None:
    cats = data["categories"]
    data["categories"] = {"payment": cats.pop("payment"), **cats}


RETENTION = "categories.contact.retention"
REFUSALS = [
    # (mutation, dotted key the message must name, id)
    (_set("colour", "blue"), "colour", "unknown-top-level-key"),
    (
        _set("categories.contact.colour", "blue"),
        "categories.contact.colour",
        "unknown-category-key",
    ),
    (_set(f"{RETENTION}.colour", "blue"), f"{RETENTION}.colour", "unknown-retention-key"),
    (
        _set("categories.payment.retention_by_basis.direct_debit.colour", 1),
        "categories.payment.retention_by_basis.direct_debit.colour",
        "unknown-key-in-basis-rule",
    ),
    (_del("categories.contact.label_nl"), "categories.contact.label_nl", "missing-label"),
    (_set("categories.contact.label_nl", "  "), "categories.contact.label_nl", "empty-label"),
    (_set("categories.contact.label_nl", 3), "categories.contact.label_nl", "label-not-text"),
    (_set("categories.contact", "x"), "categories.contact", "category-not-a-table"),
    (_del("categories.cookies"), "categories", "category-removed"),
    (_add_category, "categories", "extra-category"),
    (_reorder_categories, "categories", "categories-reordered"),
    (_set(f"{RETENTION}.months", 3), RETENTION, "retention-two-offsets"),
    (_set(f"{RETENTION}.years", 0), RETENTION, "retention-zero-offset"),
    (_del(f"{RETENTION}.years"), RETENTION, "retention-no-offset"),
    (_set(f"{RETENTION}.years", -7), f"{RETENTION}.years", "retention-negative-offset"),
    (_set(f"{RETENTION}.anchor", "last_invoice"), f"{RETENTION}.anchor", "anchor-not-known"),
    (_del(f"{RETENTION}.anchor"), f"{RETENTION}.anchor", "anchor-missing"),
    (_set(f"{RETENTION}.years", True), f"{RETENTION}.years", "bool-for-years"),
    (_set(f"{RETENTION}.years", 7.0), f"{RETENTION}.years", "float-for-years"),
    (_set("version", True), "version", "bool-for-version"),
    (_set("version", 0), "version", "version-zero"),
    (
        _set("subject_states.dormant_after_months", -1),
        "subject_states.dormant_after_months",
        "negative-dormant-after-months",
    ),
    (
        _set("subject_states.due_soon_days", True),
        "subject_states.due_soon_days",
        "bool-for-due-soon-days",
    ),
    (_set("calendar.every_year", ["xx-05"]), "calendar.every_year", "every-year-xx-05"),
    (_set("calendar.every_year", ["02-30"]), "calendar.every_year", "every-year-02-30"),
    (_set("calendar.every_year", ["13-01"]), "calendar.every_year", "every-year-month-13"),
    (_set("calendar.every_year", [5]), "calendar.every_year", "every-year-number"),
    (_set("calendar.every_year", "05-05"), "calendar.every_year", "every-year-not-a-list"),
    (_set("calendar.equated_days", ["2026-05-15"]), "calendar.equated_days", "equated-string"),
    (
        _set("calendar.equated_days", [date(2026, 1, 2), datetime(2026, 5, 15)]),
        "calendar.equated_days",
        "equated-datetime",
    ),
    (
        # Alone, a date-time was accepted and then never matched a date: day silently open.
        _set("calendar.equated_days", [datetime(2026, 5, 15)]),
        "calendar.equated_days",
        "equated-datetime-only",
    ),
    (
        _set("calendar.company_closing_days", [20261231]),
        "calendar.company_closing_days",
        "closing-day-number",
    ),
    (_set("calendar.good_friday", "yes"), "calendar.good_friday", "good-friday-not-bool"),
    (_del("calendar.country"), "calendar.country", "calendar-country-missing"),
    (_set("calendar.colour", 1), "calendar.colour", "unknown-calendar-key"),
    (_del("calendar"), "calendar", "calendar-section-missing"),
    (
        _set("categories.contact.systems", ["mailbox", "fax_machine"]),
        "categories.contact.systems",
        "systems-unknown-system",
    ),
    (
        _set("categories.contact.systems", [{"id": "mailbox"}]),
        "categories.contact.systems",
        "systems-not-text",
    ),
    (
        _set("categories.contact.fideslang", "contact"),
        "categories.contact.fideslang",
        "fideslang-not-user-key",
    ),
    (
        _set("systems.bank.agreement_on_file", "maybe"),
        "systems.bank.agreement_on_file",
        "agreement-on-file-bad-value",
    ),
    (_set("systems.bank.colour", 1), "systems.bank.colour", "unknown-system-key"),
    (_del("request_types.complaint"), "request_types", "request-type-removed"),
    (
        _set("request_types.appeal", {"label_nl": "x"}),
        "request_types.appeal.label_en",
        "request-type-extra-incomplete",
    ),
    (
        _set("request_types.access.colour", 1),
        "request_types.access.colour",
        "unknown-request-type-key",
    ),
    (
        _set("request_types.access.deadline", {"years": 1}),
        "request_types.access.deadline",
        "deadline-in-years",
    ),
    (
        _set("request_types.access.deadline", {"months": 1, "working_days": 5}),
        "request_types.access.deadline",
        "deadline-two-offsets",
    ),
    (
        _set("request_types.access.extension_months", -2),
        "request_types.access.extension_months",
        "negative-extension",
    ),
    (
        _set("request_types.termination.sets_end_of_cooperation", "yes"),
        "request_types.termination.sets_end_of_cooperation",
        "sets-end-not-bool",
    ),
    (_set("controller.own_addresses", [1]), "controller.own_addresses", "own-address-not-text"),
    (_set("cookies.collected_fields", [None]), "cookies.collected_fields", "field-not-text"),
    (_set("cookies.max_lifetime_days", 0), "cookies.max_lifetime_days", "cookie-lifetime-zero"),
    (_set("calendar.country", "XX"), "calendar.country", "country-unknown"),
]


def test_unmutated_copy_parses(raw_policy: dict[str, Any]) -> None:
    assert tuple(parse_policy(copy.deepcopy(raw_policy)).categories) == CATEGORY_ORDER


@pytest.mark.parametrize(("mutate", "key"), [pytest.param(m, k, id=i) for m, k, i in REFUSALS])
def test_parse_policy_refuses(raw_policy: dict[str, Any], mutate: Mutation, key: str) -> None:
    data = copy.deepcopy(raw_policy)
    mutate(data)
    with pytest.raises(PolicyError) as excinfo:
        parse_policy(data)
    # The message names the exact dotted key, quoted (not merely a prefix of it).
    assert f"'{key}'" in str(excinfo.value)


def test_parse_policy_refuses_non_table() -> None:
    with pytest.raises(PolicyError):
        parse_policy([])  # type: ignore[arg-type]


def test_load_policy_from_a_copy(tmp_path) -> None:
    copy_path = tmp_path / "policy.toml"
    copy_path.write_bytes(DEFAULT_POLICY_PATH.read_bytes())
    assert load_policy(copy_path) == load_policy()
    assert load_policy(str(copy_path)).version == 1


def test_load_policy_missing_file(tmp_path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(PolicyError, match="does not exist") as excinfo:
        load_policy(missing)
    assert str(missing) in str(excinfo.value)


def test_load_policy_invalid_toml(tmp_path) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text('version = 1\n[controller\nname = "x"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(bad)


def test_load_policy_refuses_a_typo_in_the_file(tmp_path) -> None:
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
    typo = tmp_path / "policy.toml"
    typo.write_text(text.replace("good_friday = true", "good_fryday = true"), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"'calendar\.good_fryday'"):
        load_policy(typo)
