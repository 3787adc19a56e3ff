"""The intake's learned second opinion (compliance.intake.resemblance): it only ever moves a
message towards the owner (te beoordelen), its weights are what the tuned corpus gives, and
the product's pure-Python reading of them is scikit-learn's.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from bench import train_intake
from bench.mail_quality import labelled
from compliance.intake.resemblance import Resemblance, features, load
from compliance.intake.verdict import (
    CONTACT,
    NOISE,
    SENT,
    UNCLEAR,
    Evidence,
    Verdict,
    classify,
    second_look,
)
from compliance.policy import load_policy


@pytest.fixture(scope="module")
def rules():
    return load_policy().mail


def _model(weights: dict[str, float], intercept: float = 0.0) -> Resemblance:
    return Resemblance(intercept, weights, raise_above=0.8, doubt_below=0.2, trained_on="test")


TERMINATION = Verdict(("termination",), (), "nl", (Evidence("termination", "counted", "r", "nl",
                                                            "text", "…"),))  # fmt: skip
TWO = Verdict(("termination", "erasure"), (), "nl")
NEGATED = Evidence("erasure", "negated", "r", "nl", "text", "…")


@pytest.mark.parametrize(
    ("verdict", "likeness", "classes", "candidates", "status"),
    [
        # contact that reads like a request goes to the owner, at the line and above
        (Verdict((CONTACT,), (), "nl", (NEGATED,)), 0.80, (UNCLEAR,), ("erasure",), "resembles"),
        (Verdict((CONTACT,), (), "nl"), 0.99, (UNCLEAR,), (), "resembles"),
        (Verdict((CONTACT,), (), "nl"), 0.79, (CONTACT,), (), None),
        # a typed request that reads like none is confirmed by the owner, types kept
        (TERMINATION, 0.19, (UNCLEAR,), ("termination",), "doubted"),
        (TERMINATION, 0.20, ("termination",), (), None),
        (TWO, 0.01, (UNCLEAR,), ("termination", "erasure"), "doubted"),
        # noise (a machine's), te beoordelen and own messages are never touched
        (Verdict((NOISE,), (), None), 0.99, (NOISE,), (), None),
        (Verdict((UNCLEAR,), ("access",), "en"), 0.01, (UNCLEAR,), ("access",), None),
        (Verdict((SENT,), (), None), 0.99, (SENT,), (), None),
    ],
)
def test_second_look_only_moves_towards_the_owner(
    verdict, likeness, classes, candidates, status
) -> None:
    out = second_look(verdict, likeness, _model({}))
    assert (out.classes, out.candidates) == (classes, candidates)
    learned = [e for e in out.evidence if e.status in ("resembles", "doubted")]
    assert [e.status for e in learned] == ([status] if status else [])
    if status:
        assert learned[0].rule == f"{likeness:.0%}" and learned[0].place == "message"
        assert set(verdict.evidence) <= set(out.evidence)  # the rules' reasons stay


def test_classify_asks_the_model_and_rules_only_when_told(rules) -> None:
    """A paraphrase no rule knows, with a model that knows its word."""
    body = "Het is mooi geweest, bedankt voor alles."
    likes_it = _model({"w:mooi": 5.0}, intercept=-1.0)
    assert classify("a@example.nl", "Hallo", {}, body, rules, resemblance=None).classes == (
        CONTACT,
    )
    raised = classify("a@example.nl", "Hallo", {}, body, rules, resemblance=likes_it)
    assert raised.classes == (UNCLEAR,)
    assert any(e.status == "resembles" for e in raised.evidence)
    doubts = _model({"w:contract": -9.0}, intercept=-3.0)
    termination = "Hierbij zeg ik het contract op."
    assert classify("a@example.nl", "Opzegging", {}, termination, rules,
                    resemblance=None).classes == ("termination",)  # fmt: skip
    doubted = classify("a@example.nl", "Opzegging", {}, termination, rules, resemblance=doubts)
    assert (doubted.classes, doubted.candidates) == ((UNCLEAR,), ("termination",))


def test_features_keep_subject_and_text_apart_and_see_lemmas(rules) -> None:
    found = features("Kündigung", "Wir kündigen den Vertrag.", rules.vocabulary)
    assert "s:kundigung" in found and "t:kundigen" in found
    assert "b:wir kundigen" in found and "w:vertrag" in found
    assert not any(f.startswith("t:") and "kundigung" in f for f in found)


def test_probability_is_scikit_learns() -> None:
    """The product's reading of the weights (no scikit-learn at run time) equals
    predict_proba on l2-normalised binary features, unknown features ignored."""
    rng = np.random.default_rng(7)
    names = [f"w:{i}" for i in range(40)]
    rows = [{n: 1 for n in names if rng.random() < 0.2} or {"w:0": 1} for _ in range(200)]
    y = np.array([int(r.get("w:1", 0) or r.get("w:2", 0)) for r in rows])
    vectorizer = DictVectorizer()
    x = normalize(vectorizer.fit_transform(rows))
    fitted = LogisticRegression(C=3.0, max_iter=2000).fit(x, y)
    model = _model(
        dict(zip(vectorizer.get_feature_names_out(), map(float, fitted.coef_[0]), strict=True)),
        float(fitted.intercept_[0]),
    )
    expected = fitted.predict_proba(x)[:, 1]
    got = [model.probability({*r, "w:never-seen"}) for r in rows]
    assert np.allclose(got, expected, atol=1e-9)
    assert model.probability(set()) == pytest.approx(1 / (1 + np.exp(-model.intercept)))


def test_shipped_weights_are_what_the_tuned_part_gives() -> None:
    """Stale weights (the corpus or the rule words changed) fail here: retrain with
    `python -m bench.train_intake`. Only the tuned part is learned from."""
    found, y = train_intake.corpus()
    assert len(found) == sum(1 for _ in labelled("tuned"))
    fresh = train_intake.fit(found, y)
    shipped = load()
    assert shipped.trained_on == fresh.trained_on
    assert shipped.weights.keys() == fresh.weights.keys()
    assert max(abs(shipped.weights[k] - w) for k, w in fresh.weights.items()) <= 1e-3
    assert (shipped.raise_above, shipped.doubt_below) == (0.8, 0.2)


@pytest.mark.parametrize(
    ("subject", "body", "reply", "reads"),
    [
        # an inherited subject is not read (the rules do not read it either)
        ("Re: Verzoek tot verwijdering", "Ok, bedankt.", True, False),
        ("Verzoek tot verwijdering", "Ok, bedankt.", False, True),
    ],
)
def test_the_model_reads_what_the_rules_read(rules, subject, body, reply, reads):
    from compliance.intake.verdict import message_features

    found = message_features(subject, body, rules, is_reply=reply)
    assert any(f.startswith("s:") for f in found) is reads


def test_the_companys_own_mail_quoted_below_is_never_read(rules) -> None:
    from compliance.intake.verdict import message_features

    body = (
        "Prima.\n\nOp di 3 mrt 2026 om 10:12 schreef ICT Roermond <info@ictroermond.nl>:\n"
        "> Hierbij uw factuur. Wilt u uw gegevens laten verwijderen, laat het weten.\n"
    )
    own = load_policy().controller.own_addresses
    theirs = message_features("Re: factuur", body, rules, is_reply=True)
    ours = message_features("Re: factuur", body, rules, is_reply=True, own_addresses=own)
    assert "w:verwijderen" in theirs and "w:verwijderen" not in ours


def test_a_blank_body_is_not_judged_by_its_subject_alone(rules) -> None:
    loud = _model({"s:opzegging": 50.0})
    verdict = classify("a@example.nl", "Opzegging?", {}, " \n ", rules, resemblance=loud)
    assert not any(e.status in ("resembles", "doubted") for e in verdict.evidence)
