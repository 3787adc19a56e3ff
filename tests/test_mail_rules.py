"""compliance.intake.rules: the [mail] section of the policy, read strictly."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from compliance.intake.rules import compile_phrase, normalise_text, parse_mail_rules
from compliance.policy import DEFAULT_POLICY_PATH, REQUEST_TYPE_IDS, PolicyError, parse_policy


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))


def test_shipped_rules_cover_every_request_type(raw) -> None:
    rules = parse_policy(raw).mail
    assert rules is not None
    assert set(rules.type_order) == set(REQUEST_TYPE_IDS)
    # Every type has rules that make a request of it for certain, in Dutch and English.
    for rtype in REQUEST_TYPE_IDS:
        certain = [t for t in rules.requests if t.type == rtype and t.certain]
        assert {t.rule.language for t in certain} >= {"nl", "en"}, rtype
    assert any(t.type is None for t in rules.requests)  # [mail.possible_request]
    assert rules.pointers
    assert rules.noise_senders and rules.noise_headers and rules.negative_phrases
    assert rules.reply_subject_counts is False


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("machtiging intrekken", "Graag de machtiging intrekken a.u.b.", True),
        ("machtiging intrekken", "machtiging niet intrekken", False),
        ("gegevens … verwijderen", "mijn gegevens uit uw systemen verwijderen", True),
        ("gegevens ... verwijderen", "gegevens a b c d e f verwijderen", True),
        ("gegevens … verwijderen", "gegevens a b c d e f g verwijderen", False),
        ("opzeg*", "Opzegging per 1 januari", True),
        ("opzeg*", "de voorzegging", False),
        ("beeindig* … samenwerking", "Wij beëindigen de samenwerking", True),  # accents
        ("inzage", "inzageverzoek", False),  # whole words only
        ("artikel 15", "Artikel 15, AVG", True),
    ],
)
def test_phrase_syntax(phrase: str, text: str, matches: bool) -> None:
    compiled = compile_phrase(phrase, 6, "mail.test")
    assert bool(compiled.search(normalise_text(text))) is matches


def _mail(raw: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(raw["mail"])


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda m: m.update(colour="red"), "mail.colour"),
        (lambda m: m["requests"].update(gossip={"nl": ["roddel"]}), "mail.requests.gossip"),
        (lambda m: m["requests"].pop("complaint"), "mail.requests.complaint"),
        (lambda m: m["requests"]["access"].update(fr=["x"]), "mail.requests.access.fr"),
        (lambda m: m["requests"]["access"].update(nl=[], en=[], de=[]), "mail.requests.access"),
        (lambda m: m["requests"]["access"].update(nl=["…"]), "mail.requests.access.nl"),
        (lambda m: m["requests"]["access"].update(nl=["@nogroup"]), "mail.requests.access.nl"),
        (lambda m: m["possible_request"].update(fr=["x"]), "mail.possible_request.fr"),
        (lambda m: m["cues"]["nl"].update(colour=["x"]), "mail.cues.nl.colour"),
        (lambda m: m.update(noise_senders="noreply@*"), "mail.noise_senders"),
        (lambda m: m.update(noise_headers=["List Unsubscribe"]), "mail.noise_headers"),
        (lambda m: m.update(reply_subject_counts="no"), "mail.reply_subject_counts"),
        (lambda m: m.update(max_gap_words=True), "mail.max_gap_words"),
    ],
)
def test_a_wrong_key_is_named(raw, mutate, key: str) -> None:
    mail = _mail(raw)
    mutate(mail)
    with pytest.raises(PolicyError, match=f"'{key}'"):
        parse_mail_rules(mail, "mail")


def test_the_policy_refuses_a_missing_mail_section(raw) -> None:
    data = copy.deepcopy(raw)
    del data["mail"]
    with pytest.raises(PolicyError, match="'mail' is missing"):
        parse_policy(data)


def test_type_order_is_the_policys_not_the_files(raw) -> None:
    """Several types are each their own request now, so the file's order decides nothing:
    the types come in the order of the policy's request types."""
    mail = _mail(raw)
    mail["requests"] = dict(reversed(list(mail["requests"].items())))
    assert parse_mail_rules(mail, "mail").type_order == REQUEST_TYPE_IDS
