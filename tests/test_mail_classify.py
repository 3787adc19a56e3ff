"""compliance.mail_classify on the labelled set (tests/fixtures/mailbox/labelled), with the
measured precision and recall per type printed in the test output, and on edge cases."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from compliance.mail_classify import CLASSES, classify, is_reply, own_text
from compliance.policy import REQUEST_TYPE_IDS, load_policy
from etl import mailbox

LABELLED = Path(__file__).parent / "fixtures" / "mailbox" / "labelled"
# Floors for the measured quality; the real figures are printed by the test.
MIN_PRECISION = 0.9  # per request type
MIN_RECALL = 0.75  # per request type
MIN_OVERALL_RECALL = 0.9  # over all requests
NEVER_REQUESTS = ("newsletter", "quote", "support")  # file-name prefixes of look-alikes


@pytest.fixture(scope="module")
def rules():
    return load_policy().mail


@pytest.fixture(scope="module")
def results(rules) -> list[tuple[str, str, str]]:
    """(file, expected, found) for every labelled message, read like any import."""
    with (LABELLED / "labels.csv").open(encoding="utf-8") as fh:
        labels = {r["file"]: r["label"] for r in csv.DictReader(fh)}
    out = []
    for name, label in sorted(labels.items()):
        parsed = mailbox.parse(LABELLED / name, "eml", own_addresses=["info@ictroermond.nl"],
                               rules=rules)  # fmt: skip
        out.append((name, label, parsed.messages[0].classification))
    return out


def _scores(results, cls: str) -> tuple[int, int, int]:
    tp = sum(1 for _, want, got in results if want == cls and got == cls)
    fp = sum(1 for _, want, got in results if want != cls and got == cls)
    fn = sum(1 for _, want, got in results if want == cls and got != cls)
    return tp, fp, fn


def test_the_set_is_big_and_varied(results) -> None:
    assert len(results) >= 40
    labels = [want for _, want, _ in results]
    assert set(labels) <= set(CLASSES)
    assert all(labels.count(t) >= 3 for t in REQUEST_TYPE_IDS)  # every type, several ways
    assert sum(1 for name, *_ in results if "-en-" in name) >= 12  # English too


def test_precision_and_recall_per_type(results, capsys) -> None:
    lines = [
        "",
        "mailbox classification on the labelled set "
        f"({len(results)} messages: {sum(w in REQUEST_TYPE_IDS for _, w, _ in results)} requests)",
        f"{'type':<15}{'n':>4}{'found':>7}{'precision':>11}{'recall':>8}",
    ]
    failures = []
    for cls in (*REQUEST_TYPE_IDS, "contact", "noise"):
        tp, fp, fn = _scores(results, cls)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"{cls:<15}{tp + fn:>4}{tp + fp:>7}{precision:>11.2f}{recall:>8.2f}")
        if cls in REQUEST_TYPE_IDS:
            assert tp > 0, f"no {cls} request found at all"
            if precision < MIN_PRECISION or recall < MIN_RECALL:
                failures.append((cls, precision, recall))
    missed = [f"  {name}: {want} -> {got}" for name, want, got in results if want != got]
    lines += ["misclassified:", *missed] if missed else ["misclassified: none"]
    with capsys.disabled():
        print("\n".join(lines))
    assert not failures, failures
    requests = [(w, g) for _, w, g in results if w in REQUEST_TYPE_IDS]
    assert sum(w == g for w, g in requests) / len(requests) >= MIN_OVERALL_RECALL


def test_no_newsletter_quote_or_support_question_becomes_a_request(results) -> None:
    wrong = [
        (name, got)
        for name, _, got in results
        if name.split("-", 1)[1].startswith(NEVER_REQUESTS) and got in REQUEST_TYPE_IDS
    ]
    assert not wrong
    assert all(got not in REQUEST_TYPE_IDS for _, want, got in results if want == "noise")


# ------------------------------------------------------------------ reasons and edges
def test_every_classification_records_why(rules) -> None:
    found = classify("jan@example.nl", "Opzegging", {}, "Wij zeggen het contract op.", rules)
    assert found.label == "termination"
    assert "subject:opzegging" in found.matched
    assert any(m.startswith("body:") for m in found.matched)
    noise = classify("noreply@shop.example.com", "Uw bestelling", {}, "", rules)
    assert (noise.label, noise.matched) == ("noise", ("sender:noreply@*",))


def test_a_negative_phrase_hides_its_span(rules) -> None:
    """A span matching a negative phrase is not read: here an (unusual) footer that offers
    erasure in the words of a request."""
    from dataclasses import replace

    from compliance.mail_rules import compile_phrase

    body = "Tot dinsdag!\n\nWilt u dat wij uw gegevens wissen? Mail dan naar privacy@."
    plain = replace(rules, negative_phrases=())
    assert classify("jan@example.nl", "Afspraak", {}, "Wis mijn gegevens.", plain).label == (
        "erasure"
    )
    footer = compile_phrase("wis … mijn gegevens", 6, "mail.negative_phrases")
    masked = replace(rules, negative_phrases=(footer,))
    assert classify("jan@example.nl", "Afspraak", {}, "Wis mijn gegevens.", masked).label == (
        "contact"
    )
    assert classify("jan@example.nl", "Afspraak", {}, body, rules).label == "contact"


def test_header_rules_with_and_without_a_value(rules) -> None:
    auto = {"auto-submitted": ["auto-replied"]}
    assert classify("a@example.nl", "Opzegging", auto, "", rules).label == "noise"
    manual = {"auto-submitted": ["no"]}
    assert classify("a@example.nl", "Opzegging", manual, "", rules).label == "termination"


def test_a_reply_subject_only_counts_when_the_policy_says_so(rules) -> None:
    from dataclasses import replace

    body = "Bedankt, duidelijk."
    assert classify("p@example.nl", "Re: Inzageverzoek", {}, body, rules, True).label == "contact"
    counting = replace(rules, reply_subject_counts=True)
    assert classify("p@example.nl", "Re: Inzageverzoek", {}, body, counting, True).label == (
        "access"
    )


@pytest.mark.parametrize(
    ("subject", "in_reply_to", "reply"),
    [
        ("Re: Inzage", None, True),
        ("Antw: Inzage", None, True),
        ("AW: Inzage", None, True),
        ("RE[2]: Inzage", None, True),
        ("Re [3] : Inzage", None, True),
        ("Re [x]: Inzage", None, False),
        ("Fwd: Inzage", None, False),  # a forward brings the original words along
        ("Inzage", "<x@example.nl>", True),
        ("Reactie op uw brief", None, False),
    ],
)
def test_is_reply(subject, in_reply_to, reply) -> None:
    assert is_reply(subject, in_reply_to) is reply


def test_a_subject_of_many_spaces_is_read_in_linear_time(hang_guard) -> None:
    # "re\s*(\[\d+\])?\s*:" split the spaces between its two \s* every way: quadratic.
    assert is_reply("Re" + " " * 200_000 + "Inzage", None) is False
    assert is_reply("Re" + " " * 200_000 + ": Inzage", None) is True


def test_metadata_only_is_said(rules) -> None:
    found = classify("lisa@example.com", "Subject access request", {}, None, rules)
    assert found.label == "access" and found.matched[-1] == "metadata_only"


@pytest.mark.parametrize(
    "quote",
    [
        "Op 2 nov. 2026 om 10:12 schreef ICT Roermond <info@ictroermond.nl>:",
        "On Mon, 2 Nov 2026 at 10:12, ICT Roermond <info@ictroermond.nl> wrote:",
        "-----Oorspronkelijk bericht-----",
        "-----Original Message-----",
        "Van: ICT Roermond <info@ictroermond.nl>\nVerzonden: maandag 2 november 2026 10:12",
        "From: ICT Roermond\nSent: Monday, November 2, 2026 10:12",
        "________________________________",
    ],
)
def test_quoted_earlier_messages_are_not_read(quote) -> None:
    body = f"Dank u wel.\n\n{quote}\nWij hebben uw gegevens verwijderd. Opzegging bevestigd."
    assert own_text(body).strip() == "Dank u wel."
    assert own_text("> geciteerd\nnieuw").strip() == "nieuw"
