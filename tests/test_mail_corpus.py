"""The mail intake measured on the labelled corpus (tests/fixtures/mailbox/corpus), read the
way an import reads it. The report (confusion and precision/recall per class, both parts)
is printed in the test output; `python -m bench.mail_quality` prints the same.

The `untuned/` part is fixed and nobody writes rules against its texts: its floors below
are the measured figures, so a change that makes the intake worse on mail it has never
seen fails here. The issue's targets for it are higher (see the closing note of issue 15).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.mail_quality import CORPUS, Result, read_part, report, score
from compliance.intake.verdict import CONTACT, NOISE, UNCLEAR
from compliance.policy import REQUEST_TYPE_IDS

# Floors measured on the parts (requests lost, exactly right, non-requests typed).
# The tuned part is also what the learned second opinion is trained on: its "typed" is
# in-sample (bench.train_intake prints five-fold figures).
FLOORS = {
    "tuned": {"lost": 5, "exact": 0.74, "typed": 0.02, "unclear": 0.29},
    "untuned": {"lost": 0, "exact": 0.69, "typed": 0.09, "unclear": 0.22},
}


@pytest.fixture(scope="module", params=("tuned", "untuned"))
def part(request) -> tuple[str, list[Result]]:
    return request.param, read_part(request.param)


def test_the_corpus_is_big_and_varied() -> None:
    tuned, untuned = read_part("tuned"), read_part("untuned")
    assert len(tuned) + len(untuned) >= 300
    assert len(untuned) >= 100
    for results in (tuned, untuned):
        gold = Counter(c for r in results for c in r.gold)
        assert all(gold[t] >= 5 for t in REQUEST_TYPE_IDS), gold
        assert gold[CONTACT] >= 10 and gold[NOISE] >= 10
        assert gold[UNCLEAR] >= 3  # forged requests
        assert sum(len(r.gold) > 1 for r in results) >= 5  # several requests in one mail
    files = {p.relative_to(CORPUS / "untuned") for p in (CORPUS / "untuned").rglob("*.eml")}
    assert len(files) == len(untuned)  # every message of the fixed part is labelled


def test_scores(part, capsys) -> None:
    name, results = part
    s = score(name, results)
    with capsys.disabled():
        print("\n" + report(s))
    floor = FLOORS[name]
    assert s.lost <= floor["lost"]
    assert s.exact / s.requests >= floor["exact"]
    assert s.typed / s.non_requests <= floor["typed"]
    assert s.unclear / s.non_requests <= floor["unclear"]


def test_a_forged_request_is_never_acted_on(part) -> None:
    _, results = part
    forged = [r for r in results if r.gold == {UNCLEAR}]
    assert forged
    assert all(r.got == {UNCLEAR} for r in forged), [r.file for r in forged if r.got != {UNCLEAR}]
