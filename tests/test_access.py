"""compliance.access: which subject an entry's free text names, and what remaining access
of a former client or a prospect means (pure functions, no database)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from compliance.access import (
    KnownSubject,
    SubjectIndex,
    access_findings,
    access_overview,
    describe,
    match_entry,
)

INDEX = SubjectIndex.build(
    [
        KnownSubject(1, ("Kapsalon Testknip B.V.", "Kapsalon Testknip"), ("K100",)),
        KnownSubject(2, ("Bakkerij Proefdeeg V.O.F.",), ("K200", "1007")),
        KnownSubject(3, ("Testlab Nep",), ("a1b2c3d4-0000-4000-8000-000000000003",)),
        KnownSubject(4, ("Testlab Nep Rotterdam",)),
        KnownSubject(5, ("Jan Jansen",)),
        KnownSubject(6, ("Jan Jansen",)),
        KnownSubject(7, ("Nep",)),  # too short to be looked for in free text
    ],
    identifiers=[("kvk", "90000100", 1), ("email", "info@proefdeeg.example", 2)],
    own_names=("ICT Roermond", "ictroermond"),
)


@pytest.mark.parametrize(
    ("hints", "system_hints", "expected"),
    [
        (("Kapsalon Testknip kantoor",), (), (1, "name")),
        (("kapsalon-testknip.example",), (), (1, "name")),  # a host or mail domain
        (("KAPSALON TESTKNIP B.V. (SSH)",), (), (1, "name")),
        (("Bakkerij Proefdeeg kassa",), (), (2, "name")),  # legal form dropped on both sides
        (("Router K200",), (), (2, "code")),
        (("k200",), (), (2, "code")),
        (("klant 1007",), (), (2, "code")),
        (("#1007",), (), (2, "code")),
        (("poort 1007 open",), (), (None, None)),  # a number inside a sentence is no code
        (("K2000 backup",), (), (None, None)),  # K200 is not K2000
        (("a1b2c3d4-0000-4000-8000-000000000003",), (), (3, "code")),
        (("Testlab Nep Rotterdam VPN",), (), (4, "name")),  # the longer name wins
        (("Testlab Nep kantoor",), (), (3, "name")),
        (("Jan Jansen thuis",), (), (None, "ambiguous")),  # two people of that name
        (("Kapsalon Testknip en Bakkerij Proefdeeg",), (), (None, "ambiguous")),
        (("kantoor",), ("Kapsalon Testknip - boekingen", "k100"), (1, "name")),
        (("Bakkerij Proefdeeg",), ("Kapsalon Testknip",), (2, "name")),  # the rule first
        (("SSH beheer ICT Roermond",), (), (None, "own")),
        (("beheer@ictroermond.nl",), (), (None, "own")),
        (("RDP thuiswerker",), ("Gedeelde webserver",), (None, None)),
        (("Nep kantoor",), (), (None, None)),
        ((), (), (None, None)),
    ],
)
def test_match_entry_by_hints(hints, system_hints, expected) -> None:
    assert match_entry(hints, system_hints, None, (), INDEX) == expected


def test_identifiers_come_before_any_text() -> None:
    assert match_entry(("Bakkerij Proefdeeg",), (), "90000100", (), INDEX) == (1, "kvk")
    assert match_entry(("Kapsalon Testknip",), (), None, ("INFO@proefdeeg.example",), INDEX) == (
        2,
        "email",
    )
    assert match_entry(("Kapsalon Testknip",), (), "99999999", ("x@y.example",), INDEX) == (
        1,
        "name",
    )


def test_a_code_after_a_long_run_of_spaces_is_read_in_linear_time(hang_guard) -> None:
    # "klant\s*[#:.\-]?\s*1007" split the spaces between two \s* every way: quadratic,
    # for every numeric code of every subject.
    assert match_entry(("klant" + " " * 200_000 + "1007",), (), None, (), INDEX) == (2, "code")
    assert match_entry(("klant" + " " * 200_000 + "x",), (), None, (), INDEX) == (None, None)


def test_a_hint_ending_in_many_legal_forms_is_read_in_linear_time(hang_guard) -> None:
    # The legal form at the end of a name was a pattern tried afresh at every space.
    hint = "Kapsalon Testknip" + " B.V." * 40_000 + " kantoor"
    assert match_entry((hint,), (), None, (), INDEX) == (1, "name")


def test_describe_names_the_system_and_never_more_than_the_holder() -> None:
    ip = {"category": "ip_address", "source": "transip", "holder": "203.0.113.4/32",
          "item": "kantoor (TCP 22)", "system": "vps1"}  # fmt: skip
    login = {"category": "credentials", "source": "vault", "holder": "beheer",
             "item": "Klanten/Router", "system": "192.0.2.1"}  # fmt: skip
    note = {**login, "holder": ""}
    licence = {"category": "credentials", "source": "dsd", "holder": "…DK7Q",
               "item": "order D-1", "system": "ESET"}  # fmt: skip
    assert describe(ip, "nl") == (
        "IP-adres 203.0.113.4/32 in firewallregel ‘kantoor (TCP 22)’ op vps1 (TransIP)"
    )
    assert describe(login, "en") == "login ‘Klanten/Router’ (user beheer) in the password vault"
    assert describe(note, "nl") == "kluisitem ‘Klanten/Router’ in de wachtwoordkluis"
    assert describe(licence, "nl") == "licentie ESET (…DK7Q, order D-1) bij DSD Europe"


def _entry(subject_id, category="ip_address", source="transip", **extra):
    return {"subject_id": subject_id, "category": category, "source": source,
            "holder": "203.0.113.4/32", "item": "kantoor (TCP 22)", "system": "vps1",
            "gone_on": None, "deleted_on": None, "linked_by": "name", **extra}  # fmt: skip


SUBJECTS = {
    1: {"name": "Kapsalon Testknip B.V.", "status": "former_client",
        "end_of_cooperation": date(2026, 3, 2)},
    2: {"name": "Bakkerij Proefdeeg", "status": "client", "end_of_cooperation": None},
    3: {"name": "Nepnet Proef", "status": "prospect", "end_of_cooperation": None},
    4: {"name": "Net Opgezegd", "status": "former_client",
        "end_of_cooperation": date(2026, 11, 23)},
}  # fmt: skip
DELETIONS = {
    (1, "ip_address", "transip"): {"due": date(2026, 3, 9), "status": "overdue"},
    (1, "credentials", "vault"): {"due": date(2026, 3, 9), "status": "overdue"},
    (3, "ip_address", "transip"): {"due": date(2027, 1, 1), "status": "scheduled"},
    (4, "ip_address", "transip"): {"due": date(2026, 11, 30), "status": "due_soon"},
}


def test_findings_per_entry_for_former_clients_and_prospects() -> None:
    entries = [
        _entry(1),
        _entry(1, "credentials", "vault", holder="beheer", item="Router"),
        _entry(1, gone_on=date(2026, 11, 1)),  # gone from the firewall: no finding
        _entry(1, deleted_on=date(2026, 11, 2)),  # deletion recorded: no finding
        _entry(2),  # a client may have access
        _entry(3),  # a prospect should have none
        _entry(4),  # terminated last Monday: still within its 5 working days
        _entry(None, linked_by=None),
        _entry(None, linked_by="ambiguous"),
        _entry(None, linked_by="own"),  # the company's own: not personal data
    ]
    found = access_findings(entries, SUBJECTS, DELETIONS)
    assert [(f.code, f.severity, f.subject_id) for f in found] == [
        ("former_client_access", "high", 1),
        ("former_client_access", "high", 1),
        ("prospect_access", "medium", 3),
        ("access_unlinked", "low", None),
    ]
    assert found[0].message("nl") == (
        "Kapsalon Testknip B.V. is sinds 2026-03-02 oud-klant maar heeft nog toegang: IP-adres "
        "203.0.113.4/32 in firewallregel ‘kantoor (TCP 22)’ op vps1 (TransIP). Dat had "
        "uiterlijk 2026-03-09 weg moeten zijn; verwijder het nu en leg de verwijdering vast."
    )
    assert "login ‘Router’ (user beheer)" in found[1].message("en")
    assert found[3].params == {"n": 2}


def test_overview_puts_the_most_urgent_first() -> None:
    entries = pd.DataFrame(
        [
            _entry(2, holder="a", system_label="", first_seen=date(2026, 1, 1)),
            _entry(None, linked_by=None, holder="b", system_label="", first_seen=None),
            _entry(None, linked_by="own", holder="c", system_label="", first_seen=None),
            _entry(3, holder="d", system_label="", first_seen=None),
            _entry(1, holder="e", system_label="", first_seen=None, gone_on=date(2026, 5, 1)),
            _entry(4, holder="f", system_label="", first_seen=None),
            _entry(1, holder="g", system_label="", first_seen=None),
        ]
    )
    subjects = pd.DataFrame([{"id": k, **v} for k, v in SUBJECTS.items()])
    deletions = pd.DataFrame(
        [{"subject_id": k[0], "category": k[1], "source": k[2], **v} for k, v in DELETIONS.items()]
    )
    out = access_overview(entries, subjects, deletions)
    assert list(zip(out["holder"], out["state"], strict=True)) == [
        ("g", "remove_now"),
        ("f", "remove_soon"),
        ("d", "prospect"),
        ("b", "unlinked"),
        ("a", "kept"),
        ("c", "own"),
        ("e", "gone"),
    ]
    assert (
        out.iloc[0]["due"] == date(2026, 3, 9) and out.iloc[0]["name"] == "Kapsalon Testknip B.V."
    )


def test_overview_of_nothing_is_empty() -> None:
    empty = pd.DataFrame(columns=["subject_id", "category", "source", "holder"])
    out = access_overview(empty, pd.DataFrame(columns=["id"]), pd.DataFrame())
    assert out.empty and "state" in out.columns


def test_the_work_per_hint_is_bounded_whatever_the_file_holds() -> None:
    from compliance.access import MAX_CODE_CHARS, MAX_HINT_CHARS, MAX_NAME_WORDS, hint_keys

    index = SubjectIndex.build([
        KnownSubject(1, (" ".join(["woord"] * 2_000),), ("x" * 5_000 + "1",)),  # never keys
        KnownSubject(2, ("Kapsalon Testknip",), ("a-1", "h:" + "0f" * 32)),
    ])  # fmt: skip
    assert {sid for (kind, _), ids in index.keys.items() for sid in ids} == {2}
    hint = "a-" * 500_000  # a megabyte of boundaries
    keys = list(hint_keys(hint, {"word": MAX_CODE_CHARS, "name": MAX_NAME_WORDS}))
    assert len(keys) <= MAX_HINT_CHARS * (MAX_CODE_CHARS + MAX_NAME_WORDS)
    assert match_entry((hint + " a-1",), (), None, (), index) == (None, None)  # past the start
    assert match_entry(("a-1 " + hint,), (), None, (), index) == (2, "code")
