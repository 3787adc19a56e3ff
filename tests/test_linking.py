"""Linking a source's relation to a subject: which identifiers count, in what order, and
which subject wins."""

from __future__ import annotations

import pytest

from compliance.identity import LINK_ORDER, salted_hash
from compliance.linking import LinkIndex, identifiers_of, link

SALT = "test-salt"


def test_identifiers_come_strongest_first() -> None:
    ids = identifiers_of("Voorbeeld Test B.V.", "9000 0001", ("Info@Voorbeeld.example",),
                         "NL91ABNA0417164300", True, SALT)  # fmt: skip
    assert [kind for kind, _ in ids] == list(LINK_ORDER)
    assert ids[0] == ("kvk", "90000001")
    assert ids[1] == ("email", "info@voorbeeld.example")
    assert ids[2] == ("iban", salted_hash("NL91ABNA0417164300", SALT))  # never in clear
    assert ids[3] == ("name", "voorbeeld test")


@pytest.mark.parametrize(
    ("name", "is_company", "linked_by_name"),
    [
        ("Jan Jansen", False, False),  # two people called Jan Jansen are two people
        ("Jansen Test BV", True, True),
        ("Jansen Test BV", None, True),  # unknown: a company name may link
        ("BV", True, False),  # nothing left after the legal form
        ("AB", True, False),  # too short to mean anything
    ],
)
def test_names_link_only_companies(name: str, is_company: bool | None, linked_by_name: bool):
    kinds = [k for k, _ in identifiers_of(name, None, (), None, is_company, SALT)]
    assert ("name" in kinds) is linked_by_name


def test_the_first_owner_of_an_identifier_keeps_it() -> None:
    index = LinkIndex(known={("kvk", "90000001"): 7}, by_source_ref={}, next_id=8)
    shared = identifiers_of("Ander Test BV", "90000001", ("a@x.example",), None, True, SALT)
    assert link(index, "snelstart", "K1", shared) == (7, "kvk")
    # A second relation with the same address but another KvK: linked by e-mail to 7.
    other = identifiers_of("Nog Een BV", "90000002", ("a@x.example",), None, True, SALT)
    assert link(index, "snelstart", "K2", other) == (7, "email")
    assert index.known[("kvk", "90000002")] == 7
    # Nothing known: a new subject, and the same relation again is that subject.
    fresh = identifiers_of("Nieuw Test BV", None, (), None, True, SALT)
    assert link(index, "snelstart", "K3", fresh) == (8, "new")
    assert link(index, "snelstart", "K3", []) == (8, "source_ref")
