"""What an incoming e-mail is, with the evidence: one or more request types, *te beoordelen*
(possibly a request), ordinary contact, or noise.

The principle is that no written request is ever silently lost. So:

* noise is only what machines send: a bulk or auto-reply header, an auto-reply or bounce
  subject, an address nobody can answer (``no-reply@``, ``mailer-daemon@``). A sender
  address like ``marketing@`` or a newsletter footer in the text makes a message noise
  only when it holds no request; with one, it is te beoordelen;
* a request rule that holds in the sender's own words (or in a forward they point to, or
  the earlier message a reminder points to) makes a request of its type, every type found
  its own request;
* a rule that only *may* mean a request, a request in a forward the sender does not point
  to, or a request from a sender the receiving server could not confirm (forged mail must
  never end a client's contract by itself) makes the message te beoordelen, with the types
  it may be as candidates;
* everything else is contact.

Every rule that held is kept as evidence (sentence, rule, language, and whether it
counted), the losing ones too, so the owner sees why.

    >>> classify("jan@example.nl", "Opzegging", {}, "Wij zeggen het contract op.", rules)
    Verdict(classes=('termination',), ...)
"""

from __future__ import annotations

import fnmatch
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from compliance.intake.authenticity import check
from compliance.intake.language import MAX_TEXT_CHARS, detect_language, sentences, words
from compliance.intake.matching import MAX_SPAN, Match, Sentence, Term, analyse_sentence, match
from compliance.intake.own_words import OwnWords, split_own_words
from compliance.intake.resemblance import Resemblance, features, load
from compliance.intake.rules import MailRules, normalise_text
from compliance.policy import UNCLEAR  # te beoordelen

CONTACT = "contact"
NOISE = "noise"
SENT = "sent"  # the company's own message: an answer, never classified
MAX_EVIDENCE = 40  # per message: enough to see why, bounded for a message full of rules
MAX_SENTENCE_CHARS = 240  # the evidence keeps the sentence, not the message
EMPTY_WORDS = 4  # a forward's own text this short ("Hoi Rob,") says nothing of its own
# A message this short is also read as one sentence with its subject: "Subject: adres" +
# "graag aanpassen", "Neue Anschrift" + "… Bitte ändern." say together what neither says.
SHORT_WORDS = 30
TINY_WORDS = 15  # ... and one this short may say it across its own sentences
# A sentence this short that points back ("Kan dat aangepast worden?") is read with the one
# before it.
FOLLOW_UP_WORDS = 15
ANAPHORA = frozenset(
    [
        "dat",
        "dit",
        "het",
        "die",
        "ze",
        "er",
        "it",
        "this",
        "that",
        "them",
        "these",
        "das",
        "dies",
        "es",
    ]
)
DIRECTIVES = frozenset(["graag", "gelieve", "alstublieft", "aub", "please", "kindly", "bitte"])
# A sentence in which this many request types hold lists rights ("recht op inzage,
# rectificatie en vergetelheid": a newsletter, a sales pitch); it only makes the message
# te beoordelen.
ENUMERATION = 3
PLAIN_GROUPS = frozenset({"me", "data"})  # "mich", "Daten": not what a request is about
PLAIN_WORDS = frozenset(
    [
        "al",
        "alle",
        "alles",
        "all",
        "everything",
        "bitte",
        "graag",
        "please",
        "u",
        "jullie",
        "you",
        "sie",
        "ihr",
        "uns",
    ]
)


def _telling(term: Term) -> bool:
    """A term that says what a request is, not who or what of: not "ik", "gegevens",
    "all", "bitte"."""
    if term.groups:
        return not set(term.groups) <= PLAIN_GROUPS
    return all(len(a.word) > 2 and a.word not in PLAIN_WORDS for a in term.alternatives)


_FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|doorst|wg|tr|fw)\s*:", re.I)
# One \s* on either side of the optional "[2]": "\s*(\[\d+\])?\s*" split a run of spaces
# between two \s* every way, quadratic in a subject of thousands of spaces.
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|antw|antwoord|sv|vs)\s*(?:(\[\d+\])\s*)?:", re.I)


@dataclass(frozen=True)
class Evidence:
    """One reason, as data: what was found, where, and whether it counted.

    `type`: a request type, None for "some request", "noise" or "sender" (the server's
    check). `status`: counted, possible (a rule that only may mean it, or a forward not
    pointed to), negated, to_reader (about the reader's data or the reader's condition),
    unconfirmed (the sender's check). `place`: subject, text, forwarded, quoted, header,
    sender."""

    type: str | None
    status: str
    rule: str
    language: str | None
    place: str
    sentence: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {
            "type": self.type,
            "status": self.status,
            "rule": self.rule,
            "language": self.language,
            "place": self.place,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Verdict:
    classes: tuple[str, ...]  # request types, or (unclear,), (contact,), (noise,), (sent,)
    candidates: tuple[str, ...] = ()  # te beoordelen: the request types it may be
    language: str | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)


def is_reply(subject: str | None, in_reply_to: str | None) -> bool:
    """A reply inherits its subject: 'Re:'/'Antw:' in front, or an In-Reply-To header."""
    return bool(in_reply_to) or bool(_REPLY_PREFIX.match(subject or ""))


def is_forward(subject: str | None) -> bool:
    return bool(_FORWARD_SUBJECT.match(subject or ""))


@lru_cache(maxsize=256)
def _sender_patterns(patterns: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((p, re.compile(fnmatch.translate(p))) for p in patterns)


def _header_noise(headers: Mapping[str, Iterable[str]], rules: MailRules) -> str | None:
    for rule in rules.noise_headers:
        if rule.name not in headers:
            continue
        values = [str(v).strip().lower() for v in headers.get(rule.name, ())]
        if values and (rule.value is None or any(v.startswith(rule.value) for v in values)):
            return rule.text
    return None


def _phrase(phrases: Iterable, text: str) -> str | None:
    normalised = normalise_text(text)
    tokens = set(normalised.split())
    return next((p.text for p in phrases if p.found_in(normalised, tokens)), None)


def _said(hit: Match) -> str:
    """What the evidence keeps of the text: the sentence, or for subject and text read
    together only the words from the rule's first term to its last (not the whole mail)."""
    if not hit.sentence.window_only or not hit.positions:
        return hit.sentence.text
    return " ".join(words(hit.sentence.text)[min(hit.positions) : max(hit.positions) + 1])


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SENTENCE_CHARS else text[: MAX_SENTENCE_CHARS - 1] + "…"


class _Reading:
    """The sentences of one message and the rules found in them."""

    def __init__(self, rules: MailRules, language: str | None = None) -> None:
        self.rules = rules
        self.language = language  # the message's
        self.matches: list[tuple[Match, str | None, bool]] = []  # match, type, certain

    def sentences_of(self, text: str, place: str) -> list[Sentence]:
        out = []
        for raw in sentences(text):
            if _phrase(self.rules.negative_phrases, raw):
                continue  # a disclaimer or a pointer to the privacy statement
            out.append(analyse_sentence(raw, place, self.rules.vocabulary, self.rules.cues))
        return out

    def read(self, found: list[Sentence], own_from: int | None = None, tiny: bool = False) -> None:
        """Try every request rule on the sentences. `own_from`: the sentence is subject and
        text together (the text from this word on), and a hit counts only when it takes a
        word from each, the text's saying what is asked (not just "ik", "Daten", "all"):
        "Re: Löschung meiner Daten" + "danke" is no request."""
        rules = self.rules
        for sentence in found:
            hits: list[tuple[Match, str | None, bool]] = []
            # A rule of another language than the message's and the sentence's may find
            # what nobody wrote (its word groups and exclusions are that language's): it
            # only makes the message te beoordelen. A rule of plain words is any language's.
            languages: set[str | None] | None = None  # told once, when a rule holds
            for i in rules.candidates(sentence.forms):
                typed = rules.requests[i]
                hit = match(typed.rule, sentence, rules.data_words)
                if hit is None:
                    continue
                if languages is None:
                    languages = {self.language, detect_language(sentence.text)} - {None}
                foreign = (
                    bool(languages)
                    and typed.rule.language not in languages
                    and any(t.groups for t in typed.rule.terms)  # "autoriteit persoonsgegevens"
                )
                if own_from is not None and not (
                    # the subject's word, or a text of a line or two ("Neue Adresse ab
                    # 1.3.: … Bitte ändern."); else the text says it in its own sentences
                    (tiny or any(p < own_from for p in hit.positions))
                    and any(
                        p >= own_from and _telling(term)
                        for p, term in zip(hit.positions, typed.rule.terms, strict=True)
                    )
                ):
                    continue
                hits.append((hit, typed.type, typed.certain and not foreign))
            counted = {t for h, t, c in hits if c and h.status == "counted" and t}
            if len(counted) >= ENUMERATION:  # "recht op inzage, correctie en verwijdering"
                hits = [(h, t, False) for h, t, _ in hits]
            self.matches.extend(hits)

    def read_follow_ups(self, found: list[Sentence]) -> None:
        """A short sentence that asks about "dat"/"it"/"das" with the sentence before it:
        "… staat nog de oude naam. Zou je dat willen aanpassen?" The rule must take its
        telling word from the second and a word from the first."""
        rules = self.rules
        for first, second in itertools.pairwise(found):
            if second.size > FOLLOW_UP_WORDS or not second.forms & ANAPHORA:
                continue
            together = analyse_sentence(f"{first.text} {second.text}", first.place,
                                        rules.vocabulary, rules.cues)  # fmt: skip
            together.window_only = True
            together.span = MAX_SPAN + second.size  # the question may point far back
            before = len(self.matches)
            self.read([together], own_from=first.size)
            if not (second.text.rstrip().endswith("?") or second.forms & DIRECTIVES):
                # a remark after a remark, no question or "graag": the owner decides
                self.matches[before:] = [(h, t, False) for h, t, _ in self.matches[before:]]

    def points_below(self, found: list[Sentence]) -> bool:
        rules = self.rules
        return any(
            (hit := match(rule, s, rules.data_words)) is not None and hit.status == "counted"
            for s in found
            for rule in rules.pointers
        )


def classify(
    sender: str,
    subject: str | None,
    headers: Mapping[str, Iterable[str]],
    body: str | None,
    rules: MailRules,
    *,
    is_reply: bool = False,
    own_addresses: Iterable[str] = (),
    resemblance: Resemblance | bool | None = True,
) -> Verdict:
    """Classify one incoming message (see the module docstring). `headers` maps lower-case
    names to their values; `body` is the plain text, or None when only metadata is known
    (a message trace); `is_reply`: the subject was inherited (Re:, In-Reply-To);
    `resemblance`: the learned second opinion (True: the shipped one; None: rules only)."""
    if rule := _header_noise(headers, rules):
        return Verdict((NOISE,), evidence=(Evidence(NOISE, "counted", rule, None, "header"),))
    subject = subject or ""
    # "AW: Automatische Antwort: …" answers an auto-reply: a person wrote it.
    if not _REPLY_PREFIX.match(subject) and (rule := _phrase(rules.noise_subjects, subject)):
        return Verdict((NOISE,), evidence=(Evidence(NOISE, "counted", rule, None, "subject"),))
    soft_noise: list[Evidence] = []
    address = sender.lower()
    for text, pattern in _sender_patterns(rules.machine_senders):
        if pattern.match(address):
            return Verdict((NOISE,), evidence=(Evidence(NOISE, "counted", text, None, "sender"),))
    for text, pattern in _sender_patterns(rules.noise_senders):
        if pattern.match(address):
            soft_noise.append(Evidence(NOISE, "counted", text, None, "sender"))
            break

    parts = split_own_words(body[:MAX_TEXT_CHARS]) if body else None
    own = parts.own if parts else ""
    if own and (rule := _phrase(rules.noise_phrases, own)):
        soft_noise.append(Evidence(NOISE, "counted", rule, None, "text"))
    language = detect_language(own or (parts.below if parts else "") or subject)
    reading = _Reading(rules, language)
    own_sentences = reading.sentences_of(own, "text") if own else []
    forward = is_forward(subject)
    if read_subject := _own_subject(subject, is_reply, rules):
        reading.read(reading.sentences_of(subject, "forwarded" if forward else "subject"))
    reading.read(own_sentences)
    reading.read_follow_ups(own_sentences)
    if subject and own and len(words(own)) <= SHORT_WORDS:
        # The sentences a negative phrase did not hide, after the subject.
        together = " ".join(" ".join([subject, *(s.text for s in own_sentences)]).split())
        sentence = analyse_sentence(together, "text", rules.vocabulary, rules.cues)
        sentence.window_only = True
        reading.read([sentence], own_from=len(words(subject)),
                     tiny=len(words(own)) <= TINY_WORDS)  # fmt: skip
    pointed = False
    if parts and parts.below:
        own_addresses = {a.lower() for a in own_addresses}
        empty = len(words(own)) <= EMPTY_WORDS
        pointed = empty or reading.points_below(own_sentences)
        ours = parts.below_from in own_addresses
        # "Fwd:" says what the split may not see: the text below is a forward.
        kind = "forwarded" if forward else parts.kind or "quoted"
        if kind == "forwarded" or (pointed and not ours):
            reading.read(reading.sentences_of(parts.below, kind))
        elif parts.below_from and not ours:
            # Someone else's mail under a reply: a request there may be meant (the owner
            # decides); the company's own earlier message never is.
            reading.read(reading.sentences_of(parts.below, "unpointed"))
    verdict = _decide(reading, rules, sender, headers, language, soft_noise, pointed)
    model = load() if resemblance is True else resemblance or None
    if model is None or parts is None or not (parts.own.strip() or parts.below.strip()):
        # Learned from whole messages: a subject alone (a message trace) is not one.
        return verdict
    found = _model_features(read_subject, parts, rules, own_addresses)
    return second_look(verdict, model.probability(found), model)


def _own_subject(subject: str | None, is_reply: bool, rules: MailRules) -> str:
    """The subject as the sender's own words: an inherited one ("Re: …") says nothing of
    its own unless the policy says it does."""
    return "" if not subject or (is_reply and not rules.reply_subject_counts) else subject


def _model_features(
    subject: str, parts: OwnWords, rules: MailRules, own_addresses: Iterable[str]
) -> frozenset[str]:
    """What the resemblance reads, as the rules read it: the subject (not an inherited
    one: "Re: Verzoek tot verwijdering" above "bedankt" asks nothing), the sender's own
    words, and a forward's when the sender wrote (almost) nothing of their own, never the
    company's own earlier mail quoted below."""
    own = parts.own
    ours = parts.below_from in {a.lower() for a in own_addresses}
    if parts.below and not ours and len(words(own)) <= EMPTY_WORDS:
        own = f"{own}\n{parts.below}"
    return features(subject, own, rules.vocabulary)


def message_features(
    subject: str | None,
    body: str | None,
    rules: MailRules,
    *,
    is_reply: bool = False,
    own_addresses: Iterable[str] = (),
) -> frozenset[str]:
    """The resemblance's features of one message, as `classify` computes them (training)."""
    parts = split_own_words(body[:MAX_TEXT_CHARS]) if body else None
    if parts is None:
        return frozenset()
    return _model_features(_own_subject(subject, is_reply, rules), parts, rules, own_addresses)


def second_look(verdict: Verdict, likeness: float, model: Resemblance) -> Verdict:
    """The rules' verdict, moved to te beoordelen where the learned resemblance to written
    requests (`likeness`, 0..1) strongly disagrees with it (see compliance.intake.resemblance).
    Noise is left alone: it is a machine's, decided from headers and senders."""
    percent = f"{likeness:.0%}"
    if verdict.classes == (CONTACT,) and likeness >= model.raise_above:
        why = Evidence(None, "resembles", percent, verdict.language, "message")
        candidates = tuple(
            dict.fromkeys(e.type for e in verdict.evidence if e.type not in (None, NOISE, "sender"))
        )
        return Verdict((UNCLEAR,), candidates, verdict.language, (*verdict.evidence, why))
    typed = verdict.classes and verdict.classes[0] not in (UNCLEAR, CONTACT, NOISE, SENT)
    if typed and likeness < model.doubt_below:
        why = Evidence(None, "doubted", percent, verdict.language, "message")
        return Verdict((UNCLEAR,), verdict.classes, verdict.language, (*verdict.evidence, why))
    return verdict


def _decide(
    reading: _Reading,
    rules: MailRules,
    sender: str,
    headers: Mapping[str, Iterable[str]],
    language: str | None,
    soft_noise: list[Evidence],
    pointed: bool,
) -> Verdict:
    evidence: list[Evidence] = list(soft_noise)
    certain: set[str] = set()
    possible: set[str] = set()
    seen: set[tuple] = set()
    for hit, rtype, is_certain in reading.matches:
        status = hit.status
        if status == "hedged" or (status == "counted" and not is_certain):
            status = "possible"
        if status == "counted" and (
            hit.sentence.place == "unpointed" or (hit.sentence.place == "forwarded" and not pointed)
        ):
            status = "possible"  # a forward the sender does not point to: the owner decides
        if status == "counted":
            certain.add(rtype)  # type: ignore[arg-type]  (certain rules always have a type)
        elif status == "possible":
            possible.update([rtype] if rtype else rules.type_order)
        key = (rtype, hit.rule.text, hit.sentence.text)
        if key in seen or len(evidence) >= MAX_EVIDENCE:
            continue
        seen.add(key)
        evidence.append(Evidence(rtype, status, hit.rule.text, hit.rule.language,
                                 hit.sentence.place, _clip(_said(hit))))  # fmt: skip
    order = rules.type_order
    found = tuple(t for t in order if t in certain)
    if found:
        auth = check(sender, headers)
        if auth.unconfirmed:
            evidence.append(Evidence("sender", "unconfirmed", auth.summary, None, "header"))
            return Verdict((UNCLEAR,), found, language, tuple(evidence))
        if soft_noise:  # bulk-looking, yet a request in it: the owner decides
            return Verdict((UNCLEAR,), found, language, tuple(evidence))
        return Verdict(found, (), language, tuple(evidence))
    if soft_noise:
        return Verdict((NOISE,), (), language, tuple(evidence))
    if possible:
        candidates = tuple(t for t in order if t in possible)
        return Verdict((UNCLEAR,), candidates, language, tuple(evidence))
    return Verdict((CONTACT,), (), language, tuple(evidence))
