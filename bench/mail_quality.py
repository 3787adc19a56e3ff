"""How well the mail intake reads mail it was not written against: the labelled corpus.

The corpus (tests/fixtures/mailbox/corpus) has two parts. `tuned/` is what rules are
written and tried against; `untuned/` is fixed: nobody reads its texts while writing rules,
only these scores. Every message is read the way an import reads it (etl.mailbox.parse), so
the figures are the product's, not a test double's.

    python -m bench.mail_quality            # both parts: confusion and precision/recall

Gold labels are `;`-joined classes: request types, `unclear` (a forged request: it must
end te beoordelen, never typed), `contact` or `noise`.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compliance.intake.verdict import CONTACT, NOISE, UNCLEAR
from compliance.policy import REQUEST_TYPE_IDS, Policy, load_policy
from etl import mailbox

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mailbox" / "corpus"
PARTS = ("tuned", "untuned")
OUTCOMES = ("exact", "other types", UNCLEAR, CONTACT, NOISE)


@dataclass(frozen=True)
class Result:
    file: str
    gold: frozenset[str]
    got: frozenset[str]
    kind: str = ""

    @property
    def is_request(self) -> bool:
        """A written request (of a type, or a forged one that must be looked at)."""
        return not self.gold <= {CONTACT, NOISE}

    @property
    def outcome(self) -> str:
        if self.got == self.gold:
            return "exact"
        if self.got <= {UNCLEAR, CONTACT, NOISE}:
            return next(iter(self.got))
        return "other types"


def labelled(part: str) -> Iterator[tuple[Path, frozenset[str], str]]:
    """Every labelled message file of one part: its path, gold classes and kind."""
    for folder in sorted((CORPUS / part).iterdir()):
        labels = folder / "labels.csv"
        if not labels.is_file():
            continue
        with labels.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                gold = frozenset(row["classes"].split(";"))
                yield folder / row["file"], gold, row.get("kind", "")


def read_part(part: str, policy: Policy | None = None) -> list[Result]:
    """Every labelled message of one part, classified as an import would."""
    policy = policy or load_policy()
    own = policy.controller.own_addresses
    out: list[Result] = []
    for path, gold, kind in labelled(part):
        parsed = mailbox.parse(path, "eml", own_addresses=own, rules=policy.mail)
        got = frozenset(parsed.messages[0].classes)
        out.append(Result(f"{path.parent.name}/{path.name}", gold, got, kind))
    return out


@dataclass(frozen=True)
class Scores:
    part: str
    messages: int
    requests: int
    lost: int  # a request that ended as contact or noise
    exact: int  # a request with exactly the right types (a forged one: exactly unclear)
    non_requests: int
    typed: int  # a non-request that became a typed request
    unclear: int  # a non-request that became te beoordelen
    per_class: dict[str, tuple[int, int, int]]  # class -> (tp, fp, fn)
    confusion: dict[str, Counter[str]]  # gold outcome -> Counter of OUTCOMES

    def precision_recall(self, cls: str) -> tuple[float | None, float | None]:
        tp, fp, fn = self.per_class[cls]
        return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def _gold_kind(r: Result) -> str:
    if r.gold == {UNCLEAR}:
        return "forged request"
    if r.is_request:
        return "request"
    return next(iter(r.gold))


def score(part: str, results: list[Result]) -> Scores:
    requests = [r for r in results if r.is_request]
    others = [r for r in results if not r.is_request]
    per_class = {}
    for cls in (*REQUEST_TYPE_IDS, UNCLEAR, CONTACT, NOISE):
        tp = sum(1 for r in results if cls in r.gold and cls in r.got)
        fp = sum(1 for r in results if cls not in r.gold and cls in r.got)
        fn = sum(1 for r in results if cls in r.gold and cls not in r.got)
        per_class[cls] = (tp, fp, fn)
    confusion: dict[str, Counter[str]] = {}
    for r in results:
        confusion.setdefault(_gold_kind(r), Counter())[r.outcome] += 1
    return Scores(
        part=part,
        messages=len(results),
        requests=len(requests),
        lost=sum(1 for r in requests if r.got <= {CONTACT, NOISE}),
        exact=sum(1 for r in requests if r.got == r.gold),
        non_requests=len(others),
        typed=sum(1 for r in others if r.got & set(REQUEST_TYPE_IDS)),
        unclear=sum(1 for r in others if UNCLEAR in r.got),
        per_class=per_class,
        confusion=confusion,
    )


def _pct(value: float | None) -> str:
    return "   —" if value is None else f"{value:4.0%}"


def report(scores: Scores) -> str:
    s = scores
    lines = [
        f"mail intake, {s.part} part: {s.messages} messages, {s.requests} requests",
        f"  requests lost (contact/noise): {s.lost}",
        f"  requests with exactly the right types: {s.exact}/{s.requests}"
        f" ({s.exact / max(s.requests, 1):.0%})",
        f"  non-requests typed: {s.typed}/{s.non_requests}"
        f" ({s.typed / max(s.non_requests, 1):.0%}),"
        f" te beoordelen: {s.unclear}/{s.non_requests}"
        f" ({s.unclear / max(s.non_requests, 1):.0%})",
        "  confusion (gold → outcome): " + " | ".join(OUTCOMES),
    ]
    for gold, counts in sorted(s.confusion.items()):
        lines.append(f"    {gold:<15}" + "".join(f"{counts.get(o, 0):>12}" for o in OUTCOMES))
    lines.append("  class          precision  recall   tp  fp  fn")
    for cls, (tp, fp, fn) in s.per_class.items():
        p, r = s.precision_recall(cls)
        lines.append(f"    {cls:<15}{_pct(p):>7}{_pct(r):>9}{tp:>5}{fp:>4}{fn:>4}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    policy = load_policy()
    for part in argv or PARTS:
        print(report(score(part, read_part(part, policy))))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
