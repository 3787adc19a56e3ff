"""A second opinion on the rules: how much a message resembles the written requests of the
labelled corpus, learned from it (a logistic regression over words, word pairs and lemmas).

The rules decide; the resemblance only ever moves a message *towards the owner*, never
away from a request:

* a message the rules call ordinary contact, but which reads very much like a request,
  becomes *te beoordelen* ("no written request is ever silently lost");
* a message the rules give a request type, but which reads nothing like any request, also
  becomes *te beoordelen*: a wrong termination would turn a client into a former client
  and start deletions, so the owner confirms it with one click, the clock already running.

The weights live in `resemblance.json` beside this module, trained by
``python -m bench.train_intake`` on the corpus's tuned part only (the untuned part stays
the measure). They are plain numbers, read as JSON: no pickled code is ever loaded.
Features use the rule vocabulary's word forms (compound heads, typo repair), so the file
is trained again when the rules' words change; a test checks it matches its corpus.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from compliance.intake.language import Vocabulary, normalise, words

MODEL_FILE = Path(__file__).with_name("resemblance.json")
MAX_WORDS = 400  # a request is said early; a long text adds nothing but time


def features(subject: str, text: str, vocabulary: Vocabulary) -> frozenset[str]:
    """What the model reads of a message: the words and word pairs written, and every
    lemma or rule word each may stand for, subject and text apart."""
    found: set[str] = set()
    for place, part in (("s", subject), ("t", text)):
        written = words(part)[:MAX_WORDS]
        plain = [normalise(w) for w in written]
        found.update("w:" + w for w in plain)
        found.update(f"b:{a} {b}" for a, b in itertools.pairwise(plain))
        for w in written:
            found.update(f"{place}:{form}" for form in vocabulary.forms(w))
    return frozenset(found)


@dataclass(frozen=True)
class Resemblance:
    """The learned weights and the two lines the verdict draws with them."""

    intercept: float
    weights: dict[str, float]
    raise_above: float  # contact this much like a request: te beoordelen
    doubt_below: float  # a typed request this little like one: te beoordelen
    trained_on: str  # which corpus, in words: shown nowhere, kept for whoever retrains

    def probability(self, found: Iterable[str]) -> float:
        """P(request), as the training's l2-normalised binary features give it."""
        known = [self.weights[f] for f in found if f in self.weights]
        score = self.intercept + (sum(known) / math.sqrt(len(known)) if known else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))

    def as_json(self) -> str:
        return json.dumps(
            {
                "trained_on": self.trained_on,
                "raise_above": self.raise_above,
                "doubt_below": self.doubt_below,
                "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items())),
            },
            ensure_ascii=False,
            indent=0,
        )


@lru_cache(maxsize=1)
def load(path: Path = MODEL_FILE) -> Resemblance:
    """The shipped weights (part of the program, like the code: never missing)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Resemblance(
        intercept=float(raw["intercept"]),
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        raise_above=float(raw["raise_above"]),
        doubt_below=float(raw["doubt_below"]),
        trained_on=str(raw.get("trained_on", "")),
    )
