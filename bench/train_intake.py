"""Train the intake's learned second opinion (compliance/intake/resemblance.json) on the
labelled corpus's tuned part, never the untuned one (that stays the measure).

    python -m bench.train_intake          # write the weights and print how they would act
    python -m bench.train_intake --check  # exit 1 when the shipped weights are stale

A logistic regression (scikit-learn, a development tool only: the product reads the
weights as JSON) over the features compliance.intake.resemblance names: is this message a
written request? Five-fold predictions on the tuned part show what the two lines would do.
"""

from __future__ import annotations

import sys
from collections import Counter

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize

from bench.mail_quality import labelled
from compliance.intake.resemblance import MODEL_FILE, Resemblance, load
from compliance.intake.verdict import CONTACT, NOISE, is_reply, message_features
from compliance.policy import load_policy
from etl.mail_read import read_eml

C = 10.0  # regularisation: chosen by five-fold AUC on the tuned part
MIN_MESSAGES = 2  # a feature seen in one message only is that message, not a pattern
# Where the second opinion overrules the rules (module docstring of resemblance): read off
# the five-fold predictions on the tuned part, printed below.
RAISE_ABOVE = 0.8
DOUBT_BELOW = 0.2
DIGITS = 5


def corpus() -> tuple[list[frozenset[str]], np.ndarray]:
    policy = load_policy()
    rules, own = policy.mail, policy.controller.own_addresses
    found, is_request = [], []
    for path, gold, _ in labelled("tuned"):
        raw = next(iter(read_eml(path)))
        reply = is_reply(raw.subject, raw.in_reply_to)
        found.append(message_features(raw.subject, raw.text(), rules, is_reply=reply,
                                      own_addresses=own))  # fmt: skip
        is_request.append(0 if gold <= {CONTACT, NOISE} else 1)
    return found, np.array(is_request)


def fit(found: list[frozenset[str]], y: np.ndarray) -> Resemblance:
    seen = Counter(f for fs in found for f in fs)
    rows = [{f: 1 for f in fs if seen[f] >= MIN_MESSAGES} for fs in found]
    vectorizer = DictVectorizer()
    x = normalize(vectorizer.fit_transform(rows))
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x, y)
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
    }
    return Resemblance(
        intercept=round(float(model.intercept_[0]), DIGITS),
        weights=weights,
        raise_above=RAISE_ABOVE,
        doubt_below=DOUBT_BELOW,
        trained_on=f"corpus/tuned: {len(found)} messages, {int(y.sum())} requests",
    )


def five_fold(found: list[frozenset[str]], y: np.ndarray) -> np.ndarray:
    out = np.zeros(len(found))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(found, y):
        model = fit([found[i] for i in train], y[train])
        out[test] = [model.probability(found[i]) for i in test]
    return out


def main(argv: list[str]) -> int:
    found, y = corpus()
    model = fit(found, y)
    if "--check" in argv:
        shipped = load()
        stale = abs(shipped.intercept - model.intercept) > 1e-3
        stale = (
            stale
            or shipped.weights.keys() != model.weights.keys()
            or any(abs(shipped.weights[k] - w) > 1e-3 for k, w in model.weights.items())
        )
        print("stale: run python -m bench.train_intake" if stale else "up to date")
        return 1 if stale else 0
    MODEL_FILE.write_text(model.as_json() + "\n", encoding="utf-8")
    load.cache_clear()
    p = five_fold(found, y)
    print(f"{MODEL_FILE.name}: {len(model.weights)} weights, {model.trained_on}")
    print("five-fold on the tuned part:")
    print(f"  requests above {RAISE_ABOVE}: {(p[y == 1] >= RAISE_ABOVE).mean():.0%}, "
          f"below {DOUBT_BELOW}: {(p[y == 1] < DOUBT_BELOW).mean():.0%}")  # fmt: skip
    print(f"  non-requests above {RAISE_ABOVE}: {(p[y == 0] >= RAISE_ABOVE).mean():.0%}, "
          f"below {DOUBT_BELOW}: {(p[y == 0] < DOUBT_BELOW).mean():.0%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
