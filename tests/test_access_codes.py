"""Relation codes in access hints: the index's lookup agrees with the plain rule (kept here
as the reference: one pattern per code and hint) on generated hints and codes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.access import _CODE_WORDS, KnownSubject, SubjectIndex, subjects_named


def _code_named(code: str, hint: str) -> bool:
    """The rule as first written: 'K100' anywhere as a word; a number only on its own."""
    if (any(c.isalpha() for c in code) and any(c.isdigit() for c in code)) or "-" in code:
        return re.search(rf"(?<![0-9a-z]){re.escape(code)}(?![0-9a-z])", hint) is not None
    if code.isdigit():
        pattern = rf"\s*(?:{_CODE_WORDS}\s*(?:[#:.\-]\s*)?)?#?{re.escape(code)}\s*"
        return re.fullmatch(pattern, hint) is not None
    return False


CODES = st.sampled_from(["K100", "k1001", "1007", "10070", "ab-12", "2024", "x9", "100"])
PIECES = st.sampled_from(
    ["K100", "k1001", "1007", "10070", "ab-12", "2024", "klant", "nr", "#", ":", " ", "-",
     "port", "rdp", "x", "9", "0", "."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(CODES, min_size=1, max_size=5, unique=True), st.lists(PIECES, max_size=8))
def test_codes_in_a_hint_as_the_plain_rule_finds_them(codes, pieces) -> None:
    hint = "".join(pieces)
    index = SubjectIndex.build([KnownSubject(i, (), (c,)) for i, c in enumerate(codes)])
    expected = {
        i
        for i, c in enumerate(codes)
        if len(c) >= 3 and _code_named(c.lower(), hint.strip().lower())
    }
    found = {sid for sid, how in subjects_named(hint, index).items() if how == "code"}
    assert found == expected


def test_a_number_only_names_a_code_on_its_own() -> None:
    index = SubjectIndex.build([KnownSubject(1, (), ("1007",)), KnownSubject(2, (), ("K100",))])
    assert subjects_named("klant #1007", index) == {1: "code"}
    assert subjects_named("port 1007", index) == {}
    assert subjects_named("rdp-k100-kantoor", index) == {2: "code"}
    assert subjects_named("k1000", index) == {}
