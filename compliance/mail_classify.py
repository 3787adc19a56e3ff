"""What an incoming e-mail is: a request of one type, ordinary contact, or noise; and why.

Pure functions over one message's subject, headers and text and the [mail] rules of the
policy. The text is only read here; nothing of it is kept except the policy phrases that
matched, which are the recorded reason:

    >>> rules = load_policy().mail
    >>> classify("jan@example.nl", "Opzegging", {}, "Wij zeggen het contract op.", rules)
    Classification(label='termination', matched=('subject:opzegging', ...))

Reasons are `<where>:<what>`: `subject:`/`body:` + a request phrase, `sender:`, `header:`,
`noise_subject:`, `noise:` + the noise rule, and `metadata_only` when only the subject was
available (an Exchange message trace).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from compliance.mail_rules import MailRules, Phrase, normalise_text
from compliance.policy import REQUEST_TYPE_IDS

CONTACT = "contact"
NOISE = "noise"
SENT = "sent"  # the company's own message: an answer, never classified
CLASSES = (*REQUEST_TYPE_IDS, CONTACT, NOISE)
# One \s* on either side of the optional "[2]": "\s*(\[\d+\])?\s*" split a run of spaces
# between two \s* every way, quadratic in a subject of thousands of spaces.
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|antw|antwoord|sv|vs)\s*(?:(\[\d+\])\s*)?:", re.I)


def is_reply(subject: str | None, in_reply_to: str | None) -> bool:
    """A reply inherits its subject: 'Re:'/'Antw:' in front, or an In-Reply-To header."""
    return bool(in_reply_to) or bool(_REPLY_PREFIX.match(subject or ""))


DIRECTIONS = ("inbound", "outbound", "internal")

_QUOTE_START = (
    re.compile(r"^\s*-{2,}\s*(original message|oorspronkelijk (e-mail)?bericht|"
               r"forwarded message|doorgestuurd bericht)", re.I),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*(op|on)\b.{0,200}\b(schreef|wrote)\b.{0,200}:\s*$", re.I),
)  # fmt: skip
_HEADER_BLOCK = re.compile(r"^\s*\*?(van|from)\s*:\*?\s", re.I)
_HEADER_NEXT = re.compile(r"^\s*\*?(verzonden|sent|datum|date|aan|to|onderwerp|subject)\s*:", re.I)
_WROTE_TAIL = re.compile(r"\b(schreef|wrote)\b.{0,200}:\s*$", re.I)
_OP_ON = re.compile(r"^\s*(op|on)\b", re.I)
# What every line that can end the sender's own words starts with (a superset of the
# patterns above): most lines fail this one test instead of five.
_MAY_CUT = re.compile(r"\s*(?:-|_|o[pn]\b|\*?(?:van|from)\s*:)", re.I)


@dataclass(frozen=True)
class Classification:
    label: str  # one of CLASSES, or SENT
    matched: tuple[str, ...] = ()

    @property
    def is_request(self) -> bool:
        return self.label in REQUEST_TYPE_IDS


def own_text(body: str) -> str:
    """The sender's own words: quoted lines and the earlier messages under a reply cut off."""
    lines = body.splitlines()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _MAY_CUT.match(line):
            if any(p.match(line) for p in _QUOTE_START):
                break
            # "Op 2 nov. 2026 om 10:00 schreef" + a wrapped second line ending in ':'.
            if (
                _OP_ON.match(line)
                and i + 1 < len(lines)
                and _WROTE_TAIL.search(line + " " + lines[i + 1])
            ):
                break
            # An Outlook reply header: "Van: ..." followed by "Verzonden:" / "Sent:" etc.
            if _HEADER_BLOCK.match(line) and any(
                _HEADER_NEXT.match(n) for n in lines[i + 1 : i + 4]
            ):
                break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def _sender_rule(sender: str, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> str | None:
    address = sender.lower()
    return next((text for text, pattern in patterns if pattern.match(address)), None)


def _header_rule(headers: Mapping[str, Iterable[str]], rules: MailRules) -> str | None:
    for rule in rules.noise_headers:
        if rule.name not in headers:  # most rules: no values to read
            continue
        values = [str(v).strip().lower() for v in headers.get(rule.name, ())]
        if values and (rule.value is None or any(v.startswith(rule.value) for v in values)):
            return rule.text
    return None


class _Index:
    """The phrases of one list by one of their whole words, so a text is only tried against
    the few phrases whose word it holds rather than a set test for each of hundreds (most
    of classify's time). `candidates` keeps the list's order: first matches stay first."""

    def __init__(self, phrases: tuple[Phrase, ...]) -> None:
        self.phrases = phrases
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []  # phrases of prefix words only (`opzeg*`): always tried
        for i, phrase in enumerate(phrases):
            if phrase.words:  # the longest word: the rarest in a text, as a rule
                key = max(sorted(phrase.words), key=len)
                self.by_word.setdefault(key, []).append(i)
            else:
                self.always.append(i)
        self.keys = frozenset(self.by_word)

    def candidate_positions(self, *token_sets: set[str]) -> set[int]:
        """Where the phrases are that may match one of the texts of `token_sets` (a
        superset: `may_match` and the pattern still decide)."""
        found = set(self.always)
        for tokens in token_sets:
            for word in self.keys & tokens:
                found.update(self.by_word[word])
        return found

    def candidates(self, *token_sets: set[str]) -> list[Phrase]:
        """The phrases that may match one of the texts, in list order."""
        return [self.phrases[i] for i in sorted(self.candidate_positions(*token_sets))]


@dataclass(frozen=True)
class _Indexes:
    negative: _Index
    noise: _Index
    noise_subjects: _Index
    requests: _Index
    types: tuple[str, ...]  # the request type of each phrase of `requests`, by position
    # The noise_senders as fnmatchcase reads them, compiled once rather than looked up in
    # fnmatch's cache for every pattern and message.
    senders: tuple[tuple[str, re.Pattern[str]], ...]


# id(rules) -> (rules, indexes); the rules are kept so the id is never reused.
_INDEXES: dict[int, tuple[MailRules, _Indexes]] = {}


def _indexes(rules: MailRules) -> _Indexes:
    cached = _INDEXES.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    ordered = [(rtype, p) for rtype in rules.type_order for p in rules.request_phrases[rtype]]
    made = _Indexes(
        negative=_Index(rules.negative_phrases),
        noise=_Index(rules.noise_phrases),
        noise_subjects=_Index(rules.noise_subjects),
        requests=_Index(tuple(p for _, p in ordered)),
        types=tuple(rtype for rtype, _ in ordered),
        senders=tuple((p, re.compile(fnmatch.translate(p))) for p in rules.noise_senders),
    )
    if len(_INDEXES) > 64:  # policies loaded again and again (tests): keep a few
        _INDEXES.clear()
    _INDEXES[id(rules)] = (rules, made)
    return made


def _mask(text: str, tokens: set[str], index: _Index) -> tuple[str, set[str]]:
    """Normalised `text` (its words `tokens`) without the negative phrases, and its words."""
    masked = text
    for phrase in index.candidates(tokens):
        if phrase.may_match(tokens):
            masked = phrase.pattern.sub(" ", masked)
    if masked is text:  # nothing masked: normalised text is single-spaced already
        return text, tokens
    masked = " ".join(masked.split())
    return masked, set(masked.split())


def classify(
    sender: str,
    subject: str,
    headers: Mapping[str, Iterable[str]],
    body: str | None,
    rules: MailRules,
    is_reply: bool = False,
) -> Classification:
    """Classify one incoming message. `headers` maps lower-case names to their values;
    `body` is the plain text, or None when only metadata is known (message trace);
    `is_reply`: the subject was inherited (Re:, In-Reply-To), so it only counts when the
    policy says so."""
    extra = ("metadata_only",) if body is None else ()
    index = _indexes(rules)
    if rule := _sender_rule(sender, index.senders):
        return Classification(NOISE, (f"sender:{rule}", *extra))
    if rule := _header_rule(headers, rules):
        return Classification(NOISE, (f"header:{rule}", *extra))
    # Each phrase is tried only when the text holds all its whole words (may_match): a
    # set lookup instead of a regex scan for the hundreds of phrases that cannot match.
    subject_n = normalise_text(subject or "")
    subject_words = set(subject_n.split())
    for phrase in index.noise_subjects.candidates(subject_words):
        if phrase.may_match(subject_words) and phrase.search(subject_n):
            return Classification(NOISE, (f"noise_subject:{phrase.text}", *extra))
    text_n = normalise_text(own_text(body)) if body else ""
    text_words = set(text_n.split())
    for phrase in index.noise.candidates(text_words):
        if phrase.may_match(text_words) and phrase.search(text_n):
            return Classification(NOISE, (f"noise:{phrase.text}", *extra))

    subject_m, subject_words = _mask(subject_n, subject_words, index.negative)
    text_m, text_words = _mask(text_n, text_words, index.negative)
    if is_reply and not rules.reply_subject_counts:
        subject_m, subject_words = "", set()
    # Per type, in policy order: the phrases found and the score (subject 2, body 1).
    by_type: dict[str, tuple[list[str], list[int]]] = {}
    requests = index.requests
    for i in sorted(requests.candidate_positions(subject_words, text_words)):
        phrase = requests.phrases[i]
        found, score = by_type.setdefault(index.types[i], ([], [0]))
        if phrase.may_match(subject_words) and phrase.search(subject_m):
            found.append(f"subject:{phrase.text}")
            score[0] += 2
        if phrase.may_match(text_words) and phrase.search(text_m):
            found.append(f"body:{phrase.text}")
            score[0] += 1
    best: tuple[int, int, str, tuple[str, ...]] | None = None
    for order, rtype in enumerate(rules.type_order):
        found, score = by_type.get(rtype, ([], [0]))
        if score[0] and (best is None or (score[0], -order) > (best[0], best[1])):
            best = (score[0], -order, rtype, tuple(found))
    if best is not None:
        return Classification(best[2], (*best[3], *extra))
    return Classification(CONTACT, extra)
